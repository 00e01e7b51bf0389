namespace GraphApi.Neo4j.QueryApi;

/// <summary>A node as the Query API returns it; element ids are only meaningful within one transaction.</summary>
public sealed record Neo4jNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A relationship; its direction is given only by its start and end element ids.</summary>
public sealed record Neo4jRelationship(
    string ElementId, string StartNodeElementId, string EndNodeElementId, string Type, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A path: n nodes and the n − 1 relationships between them, in path order (not stored direction).</summary>
public sealed record Neo4jPath(IReadOnlyList<Neo4jNode> Nodes, IReadOnlyList<Neo4jRelationship> Relationships);

/// <summary>
/// A value kept as the text Neo4j sent: zoned times, durations, points, and any type this client does not know
/// yet (so a newer server never breaks decoding of the rest of a result).
/// </summary>
public sealed record Neo4jText(string Type, string Value);

/// <summary>A zoned date-time; <see cref="Zone"/> is the region id when Neo4j named one (e.g. Europe/Paris).</summary>
public sealed record Neo4jZonedDateTime(DateTimeOffset Value, string? Zone);
