namespace GraphApi.Core.Storage;

/// <summary>Where a merged actor's id now points, stored for good so old links keep working.</summary>
public sealed record ActorRedirect(string From, string To);
