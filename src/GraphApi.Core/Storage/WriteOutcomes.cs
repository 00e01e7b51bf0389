namespace GraphApi.Core.Storage;

// What the writes that store no single entity come to (the others come to the actor, relationship or merge as stored).

/// <summary>An actor's deletion, with the relationships removed alongside it.</summary>
public sealed record ActorDeletion(string ActorId, IReadOnlyList<string> RemovedRelationshipIds, long Version);

/// <summary>A relationship's deletion.</summary>
public sealed record RelationshipDeletion(string RelationshipId);

/// <summary>An upsert's rows, counted.</summary>
public sealed record Upserted(int Actors, int Relationships);

/// <summary>A workspace's deletion, with the private records removed alongside it.</summary>
public sealed record WorkspaceDeletion(string WorkspaceId, IReadOnlyList<string> RemovedActorIds, IReadOnlyList<string> RemovedRelationshipIds);
