using System.Diagnostics;
using GraphApi.Core.Storage;
using GraphApi.Core.Telemetry;

namespace GraphApi.Core.Graph;

/// <summary>
/// What the writer reports (<see cref="GraphTelemetry"/>, <see cref="GraphMetrics"/>): a span per batch whose parent
/// is the first caller's request and which links every caller's, so a slow write's trace shows the commit it waited
/// for; a span and a duration for the store transaction and for each publish; the queue and how far the snapshot is
/// behind the store, read when metrics are collected.
/// </summary>
public sealed partial class GraphService
{
    private readonly GraphMetrics? _metrics;
    private long _storeVersionSeen = long.MinValue;

    /// <summary>Writes and other work waiting for the single writer.</summary>
    public int QueuedWork => _queue.Count;

    /// <summary>
    /// Store versions the served snapshot is behind the latest this service has seen the store at (its own commits and
    /// each refresh poll): 0 when it shows everything it knows of, more while another writer's changes or a lag wait.
    /// </summary>
    public long VersionsBehindStore => Math.Max(0, Interlocked.Read(ref _storeVersionSeen) - Snapshot.Version);

    private void SawStoreVersion(long version)
    {
        var seen = Interlocked.Read(ref _storeVersionSeen);
        while (version > seen)
        {
            var was = Interlocked.CompareExchange(ref _storeVersionSeen, version, seen);
            if (was == seen)
            {
                return;
            }
            seen = was;
        }
    }

    /// <summary>One span for a batch, in the first caller's trace and linked to every caller's; null when nobody listens.</summary>
    private static Activity? StartBatchSpan(List<PendingWrite> writes)
    {
        if (!GraphTelemetry.Source.HasListeners())
        {
            return null;
        }
        var links = new List<ActivityLink>(writes.Count);
        foreach (var write in writes)
        {
            if (write.Caller != default)
            {
                links.Add(new ActivityLink(write.Caller));
            }
        }
        var span = GraphTelemetry.Source.StartActivity(GraphTelemetry.WriteBatchSpan, ActivityKind.Internal, writes[0].Caller, links: links);
        span?.SetTag(GraphTelemetry.WriteCountTag, writes.Count);
        return span;
    }

    /// <summary>Runs the batch's writes in one store batch (one transaction on SQLite), timed and traced.</summary>
    private async Task<StoreBatch> CommitToStoreAsync(List<PendingWrite> writes)
    {
        using var span = GraphTelemetry.Source.StartActivity(GraphTelemetry.StoreCommitSpan);
        span?.SetTag(GraphTelemetry.WriteCountTag, writes.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // The batch belongs to many callers, so no one caller's token may cut it short.
            var batch = await _store.CommitBatchAsync(async into =>
            {
                foreach (var write in writes)
                {
                    await write.RunAsync(into).ConfigureAwait(false);
                }
            }, CancellationToken.None).ConfigureAwait(false);
            _metrics?.BatchCommitted(writes.Count, Stopwatch.GetElapsedTime(started));
            span?.SetTag(GraphTelemetry.StoreVersionTag, batch.Version);
            SawStoreVersion(batch.Version);
            return batch;
        }
        catch (Exception ex)
        {
            GraphTelemetry.Failed(span, ex);
            throw;
        }
    }

    /// <summary>Makes a snapshot from what the store holds and publishes it (<see cref="PublishFromStore"/>), timed and traced.</summary>
    /// <param name="source">What the snapshot is made from: <c>writes</c>, <c>catch_up</c> or <c>reload</c>.</param>
    private async Task PublishFromStoreAsync(string source, Func<Task<GraphSnapshot>> make)
    {
        using var span = GraphTelemetry.Source.StartActivity(GraphTelemetry.SnapshotPublishSpan);
        span?.SetTag(GraphTelemetry.PublishSourceTag, source);
        var started = Stopwatch.GetTimestamp();
        try
        {
            PublishFromStore(await make().ConfigureAwait(false));
            var version = Snapshot.Version;
            SawStoreVersion(version);
            span?.SetTag(GraphTelemetry.StoreVersionTag, version);
            _metrics?.Published(source, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex)
        {
            GraphTelemetry.Failed(span, ex);
            throw;
        }
    }
}
