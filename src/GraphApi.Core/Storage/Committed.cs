namespace GraphApi.Core.Storage;

/// <summary>A committed write's outcome (the entity as stored, with its new revision) and the store's change version that holds it.</summary>
public sealed record Committed<T>(T Value, long Version);
