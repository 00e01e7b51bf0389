using System.ComponentModel.DataAnnotations;

namespace GraphApi.Hosting;

/// <summary>Which store holds the graph. Bound from the "GraphStore" section.</summary>
public sealed class GraphStoreOptions
{
    public const string Section = "GraphStore";

    /// <summary>"Sqlite" (embedded, the default) or "Neo4j".</summary>
    [Required]
    [RegularExpression("^(Sqlite|Neo4j)$", ErrorMessage = "GraphStore:Provider must be Sqlite or Neo4j")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>How often to check the store's change version, so replicas pick up each other's writes.</summary>
    [Range(0, 3600)]
    public int RefreshIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Writes held in the snapshot's delta before a background merge folds them into a fresh base. Lower means
    /// less delta on every read and more merges (each costs about one snapshot build, off the write path).
    /// </summary>
    [Range(1, 1_000_000)]
    public int MergeThreshold { get; set; } = 4096;

    /// <summary>
    /// Embedded store only: save the snapshot beside the database file (<c>graphapi.db.snapshot</c>) after a full
    /// load and at shutdown, so a restart reads it plus the changes since instead of every stored body. It is a cache
    /// that names its store and version; a foreign, stale-beyond-the-change-log or damaged file is ignored.
    /// </summary>
    public bool SnapshotFile { get; set; } = true;
}

/// <summary>The embedded store's file. Bound from the "Sqlite" section.</summary>
public sealed class SqliteOptions
{
    public const string Section = "Sqlite";

    /// <summary>Path of the database file; relative paths are under the app's content root.</summary>
    [Required]
    public string Path { get; set; } = "data/graphapi.db";
}

/// <summary>The report's dataset, loaded once into an empty store. Bound from the "Seed" section.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool Enabled { get; set; } = true;

    /// <summary>Folder holding actors.csv and relationships.csv; relative paths are under the app's base directory.</summary>
    [Required]
    public string Directory { get; set; } = "seed";
}
