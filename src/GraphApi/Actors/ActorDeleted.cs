namespace GraphApi.Actors;

/// <summary>The answer to deleting an actor: its relationships go with it, and the caller is told which.</summary>
public sealed record ActorDeleted(string Id, int RemovedRelationships, IReadOnlyList<string> RemovedRelationshipIds);
