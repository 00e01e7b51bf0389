namespace GraphApi.Contracts;

/// <summary>One page of a list: <c>total</c> counts every match, <c>items</c> holds at most <c>limit</c> of them.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);

/// <summary>The answer to deleting an actor: its relationships go with it, and the caller is told which.</summary>
public sealed record ActorDeleted(string Id, int RemovedRelationships, IReadOnlyList<string> RemovedRelationshipIds);
