namespace GraphApi.Http;

/// <summary>One page of a list: <c>total</c> counts every match, <c>items</c> holds at most <c>limit</c> of them.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);
