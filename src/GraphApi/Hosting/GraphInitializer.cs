using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// Runs before the server accepts requests: creates the schema, loads the report's dataset into a store that
/// has never been seeded (one transaction, once), and builds the first snapshot.
/// </summary>
public sealed partial class GraphInitializer(GraphService graph, IOptions<SeedOptions> seed, ILogger<GraphInitializer> logger) : IHostedService
{
    public bool IsReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
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
