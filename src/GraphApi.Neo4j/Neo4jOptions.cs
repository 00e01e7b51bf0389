namespace GraphApi.Neo4j;

/// <summary>Where the Neo4j store lives and how patiently to talk to it. Bound from the "Neo4j" section.</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Neo4j";

    /// <summary>
    /// The server's HTTP(S) address, e.g. <c>http://localhost:7474</c> or an Aura <c>https://xxxx.databases.neo4j.io</c>.
    /// The adapter appends <c>/db/{Database}/query/v2</c> (the Query API, on by default from Neo4j 5.25 and on Aura).
    /// </summary>
    public Uri? Uri { get; set; }

    /// <summary>Basic-auth user; leave empty for a server with authentication disabled.</summary>
    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    public string Database { get; set; } = "neo4j";

    /// <summary>How long one HTTP request may take before it counts as a failed attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a transient error (Neo.TransientError.*, connection failure, timeout, 5xx).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Rows per UNWIND statement in bulk upserts (all batches still commit in one transaction).</summary>
    public int BatchSize { get; set; } = 1000;
}
