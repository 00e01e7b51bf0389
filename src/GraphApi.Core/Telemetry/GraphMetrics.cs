using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Telemetry;

/// <summary>
/// The core's instruments, on a meter named <see cref="GraphTelemetry.Name"/>. Names follow the OpenTelemetry
/// conventions (dotted, under <c>graphapi.</c>; durations in seconds, counts in curly-brace units), so the Prometheus
/// text shows them as <c>graphapi_writer_batch_size</c>, <c>graphapi_analysis_duration_seconds</c>, …
/// A meter nobody listens to records nothing: each call below then costs one check.
/// </summary>
public sealed class GraphMetrics : IDisposable
{
    /// <summary>Powers of two up to <see cref="GraphService.MaxBatch"/>: a batch's size is what the histogram is for.</summary>
    private static readonly int[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    /// <summary>From a millisecond (a small commit or delta publish) to a minute (an analysis at its budget).</summary>
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter _meter;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<double> _publishDuration;
    private readonly Histogram<double> _analysisDuration;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;

    /// <param name="meters">The host's meter factory (one meter per container); null makes a meter of its own.</param>
    public GraphMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(GraphTelemetry.Name) ?? new Meter(GraphTelemetry.Name);
        _batchSize = _meter.CreateHistogram("graphapi.writer.batch.size", "{write}",
            "Writes committed together in one store batch (group commit).", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _commitDuration = _meter.CreateHistogram("graphapi.store.commit.duration", "s",
            "Time the store took to make one batch of writes durable (its transaction, with the fsync).", advice: Seconds);
        _publishDuration = _meter.CreateHistogram("graphapi.snapshot.publish.duration", "s",
            "Time from data the store holds to a published snapshot: showing a committed batch, catching up with another writer, or a reload.", advice: Seconds);
        _analysisDuration = _meter.CreateHistogram("graphapi.analysis.duration", "s",
            "Time an analysis computation ran (cache misses only), by analysis.", advice: Seconds);
        _cacheHits = _meter.CreateCounter<long>("graphapi.analysis.cache.hits", "{request}",
            "Analysis requests answered by a finished or running computation of the same question on the same graph version.");
        _cacheMisses = _meter.CreateCounter<long>("graphapi.analysis.cache.misses", "{request}",
            "Analysis requests that started a computation.");
    }

    private static InstrumentAdvice<double> Seconds { get; } = new() { HistogramBucketBoundaries = SecondsBuckets };

    /// <summary>
    /// The graph service's state, read when a reader collects: the writer's queue and how many store versions the
    /// served snapshot is behind the latest the service has seen.
    /// </summary>
    public void Observe(GraphService graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _meter.CreateObservableGauge("graphapi.writer.queue.depth", () => graph.QueuedWork, "{item}",
            "Writes and other work waiting for the single writer.");
        _meter.CreateObservableGauge("graphapi.snapshot.lag", () => graph.VersionsBehindStore, "{version}",
            "Store version minus served snapshot version (the store's as last seen by this service: at its commits and refresh polls).");
        _meter.CreateObservableGauge("graphapi.snapshot.version", () => graph.Snapshot.Version, "{version}",
            "The store version the served snapshot shows.");
    }

    internal void BatchCommitted(int writes, TimeSpan elapsed)
    {
        _batchSize.Record(writes);
        _commitDuration.Record(elapsed.TotalSeconds);
    }

    internal void Published(string source, TimeSpan elapsed) =>
        _publishDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(GraphTelemetry.PublishSourceTag, source));

    internal void AnalysisLookedUp(string analysis, bool hit) =>
        (hit ? _cacheHits : _cacheMisses).Add(1, new KeyValuePair<string, object?>(GraphTelemetry.AnalysisNameTag, analysis));

    internal void AnalysisComputed(string analysis, TimeSpan elapsed, Exception? error)
    {
        var tags = new TagList { { GraphTelemetry.AnalysisNameTag, analysis } };
        if (error is not null)
        {
            tags.Add(GraphTelemetry.ErrorTypeTag, error.GetType().FullName);
        }
        _analysisDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
