using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// Runs before the server serves requests: creates the schema, loads the report's dataset into a store that
/// has never been seeded (one transaction, once), and builds the first snapshot.
/// </summary>
/// <remarks>
/// The load starts as soon as the app is built (<see cref="Begin"/>, called by Program), on the thread pool, so
/// reading the snapshot file (most of a start at 100k actors) runs on the second core while the main thread maps the
/// endpoints and starts the host.
/// The server starts beside it (<see cref="StartGate"/> holds requests until the host has started): the host's start
/// still awaits the load through <see cref="StartAsync"/>, and a failed load fails the start as before.
/// </remarks>
public sealed partial class GraphInitializer(
    GraphService graph, IOptions<SeedOptions> seed, IHostApplicationLifetime lifetime, ILogger<GraphInitializer> logger)
    : IHostedService
{
    private readonly Lock _beginning = new();
    private Task? _loading;

    public bool IsReady { get; private set; }

    /// <summary>Starts the load once (later calls return the same task); the host's start token is linked to the application's stopping, so that is the token here.</summary>
    public Task Begin()
    {
        lock (_beginning)
        {
            return _loading ??= Task.Run(() => LoadAsync(lifetime.ApplicationStopping), CancellationToken.None);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Begin().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await graph.Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (seed.Value.Enabled)
        {
            await SeedAsync(cancellationToken).ConfigureAwait(false);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await graph.ReloadAsync(cancellationToken).ConfigureAwait(false);
        var heapMegabytes = GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024);
        var source = graph.LoadedFromSnapshotFile ? "the saved snapshot and the change log" : "the store";
        LogLoaded(logger, graph.Snapshot.ActorCount, graph.Snapshot.RelationshipCount, graph.Snapshot.Version, source, clock.ElapsedMilliseconds, heapMegabytes);
        IsReady = true;
        StoredTextChecked = CheckStoredTextOnceStartedAsync(graph.Snapshot);
    }

    /// <summary>How long after the server has started the stored-text check waits, so it does not take a core from the rest of the start and the first requests.</summary>
    private static readonly TimeSpan StoredTextCheckPause = TimeSpan.FromSeconds(1);

    private async Task CheckStoredTextOnceStartedAsync(GraphSnapshot snapshot)
    {
        await LifetimeTasks.When(lifetime.ApplicationStarted).ConfigureAwait(false);
        await Task.Delay(StoredTextCheckPause, CancellationToken.None).ConfigureAwait(false);
        await Task.Run(() => CheckStoredText(snapshot), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// The start-up's check of the loaded records against today's text rule (<see cref="StoredRecordCheck"/>), done when it
    /// has logged: it runs a moment after the server has started (<see cref="StoredTextCheckPause"/>), so stored data never
    /// delays readiness (about 20 ms of one core at 100k actors and 400k relationships), let alone stops the start.
    /// </summary>
    public Task StoredTextChecked { get; private set; } = Task.CompletedTask;

    private void CheckStoredText(GraphSnapshot snapshot)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var findings = StoredRecordCheck.Scan(snapshot);
            foreach (var finding in findings)
            {
                LogBreaksRules(logger, finding.Entity, finding.Id, finding.Problems);
            }
            LogChecked(logger, snapshot.ActorCount + snapshot.RelationshipCount, clock.ElapsedMilliseconds, findings.Count);
        }
        catch (Exception ex)
        {
            // Nobody awaits this task in production: a failure must reach the log, and the service goes on as loaded.
            LogCheckFailed(logger, ex);
            throw;
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, seed.Value.Directory);
        var data = SeedFiles.Read(folder, graph.Catalogue);
        if (await graph.Store.SeedOnceAsync(data.Actors, data.Relationships, cancellationToken).ConfigureAwait(false))
        {
            LogSeeded(logger, data.Actors.Count, data.Relationships.Count, folder);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the store with {Actors} actors and {Relationships} relationships from {Folder}")]
    private static partial void LogSeeded(ILogger logger, int actors, int relationships, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored {Entity} '{Id}' breaks today's rules ({Problems}); it is served as stored. Correct it with a PUT or remove it with a DELETE")]
    private static partial void LogBreaksRules(ILogger logger, string entity, string id, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "The check of stored records against the text rule failed; the graph is served as loaded")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked {Records} stored records against the text rule in {Milliseconds} ms: {Findings} break today's rules")]
    private static partial void LogChecked(ILogger logger, int records, long milliseconds, int findings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph loaded: {Actors} actors, {Relationships} relationships, store version {Version}, from {Source} in {Milliseconds} ms; managed heap {HeapMegabytes} MB")]
    private static partial void LogLoaded(ILogger logger, int actors, int relationships, long version, string source, long milliseconds, long heapMegabytes);
}

/// <summary>Reads the seed folder; a broken seed is a deployment error, so it stops the start with every problem listed.</summary>
public static class SeedFiles
{
    public static CsvGraph Read(string folder, RelationshipTypeCatalogue catalogue)
    {
        var actorsPath = Path.Combine(folder, "actors.csv");
        var relationshipsPath = Path.Combine(folder, "relationships.csv");
        using var actors = new StreamReader(actorsPath, System.Text.Encoding.UTF8);
        using var relationships = new StreamReader(relationshipsPath, System.Text.Encoding.UTF8);
        var data = GraphCsv.Read(actors, "actors.csv", relationships, "relationships.csv", catalogue);
        if (!data.IsValid)
        {
            throw new InvalidDataException($"The seed in {folder} is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, data.Errors)}");
        }
        return data;
    }
}
