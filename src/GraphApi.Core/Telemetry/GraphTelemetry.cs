using System.Diagnostics;

namespace GraphApi.Core.Telemetry;

/// <summary>
/// The names under which the core reports what it does: one <see cref="ActivitySource"/> for its spans and one meter
/// name for its instruments (<see cref="GraphMetrics"/>). Plain System.Diagnostics: the host decides whether anything
/// listens (OpenTelemetry in the web app); with no listener a span costs one check and is never created.
/// </summary>
public static class GraphTelemetry
{
    /// <summary>The activity source and meter name: the host subscribes to it (and to <c>GraphApi.*</c>).</summary>
    public const string Name = "GraphApi";

    /// <summary>Spans of the core: store transactions, snapshot publishes, analyses.</summary>
    public static ActivitySource Source { get; } = new(Name);

    // Span names: low in cardinality (what varies goes into attributes), under one prefix.
    public const string WriteBatchSpan = "graphapi.writer.batch";
    public const string StoreCommitSpan = "graphapi.store.commit";
    public const string SnapshotPublishSpan = "graphapi.snapshot.publish";
    public const string AnalysisSpan = "graphapi.analysis";

    // Attribute names.
    public const string WriteCountTag = "graphapi.write.count";
    public const string StoreVersionTag = "graphapi.store.version";
    public const string PublishSourceTag = "graphapi.snapshot.source";
    public const string AnalysisNameTag = "graphapi.analysis.name";
    public const string CacheHitTag = "graphapi.analysis.cache_hit";

    /// <summary>The OpenTelemetry attribute naming the kind of failure (the exception's type name).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Marks <paramref name="activity"/> failed, in the OpenTelemetry way (status and <c>error.type</c>).</summary>
    public static void Failed(Activity? activity, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (activity is null)
        {
            return;
        }
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag(ErrorTypeTag, error.GetType().FullName);
    }
}
