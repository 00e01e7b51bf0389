using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Interchange;

/// <summary>What an import did (or, for a dry run, would do), counted against the graph as it was before.</summary>
public sealed record ImportSummary(
    bool DryRun, int ActorsCreated, int ActorsUpdated, int RelationshipsCreated, int RelationshipsUpdated, long Version);

/// <summary>A streamed import's outcome: the summary, or every error found (and then nothing was written).</summary>
public sealed record StreamedImport(ImportSummary? Summary, IReadOnlyList<CsvError> Errors);

/// <summary>Applies a validated batch: upsert by id, all or nothing, shared by the API and the CLI.</summary>
public static class GraphImport
{
    /// <param name="workspace">The workspace the rows become private to; null imports into the public graph.</param>
    public static async Task<ImportSummary> ApplyAsync(
        GraphService graph, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, bool dryRun, string? workspace,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        actors = [.. actors.Select(a => a with { Workspace = workspace })];
        relationships = [.. relationships.Select(r => r with { Workspace = workspace })];
        var before = graph.Snapshot.ForWorkspace(workspace);
        var actorsUpdated = actors.Count(a => before.FindActor(a.Id) is not null);
        var relationshipsUpdated = relationships.Count(r => before.FindRelationship(r.Id) is not null);
        var version = before.Version;
        // An empty batch changes nothing, so it does not move the store version (which would make replicas reload).
        if (!dryRun && (actors.Count > 0 || relationships.Count > 0))
        {
            version = await graph.UpsertAsync([.. actors.Select(a => KeepContact(before, a))], relationships, cancellationToken).ConfigureAwait(false);
        }
        return new ImportSummary(dryRun, actors.Count - actorsUpdated, actorsUpdated, relationships.Count - relationshipsUpdated, relationshipsUpdated, version);
    }

    /// <summary>
    /// The command line's import: reads both files and writes each row into the store as soon as it is checked, in
    /// one store transaction that commits only if the files hold no error, so a rejected import writes nothing and
    /// memory holds the ids seen rather than the rows' JSON. The same checks and upsert rules as
    /// <see cref="ApplyAsync"/>. When <paramref name="graph"/> saves a snapshot file, the rows are also kept (their
    /// repeated strings shared) and, once committed, shown in its snapshot, so the file it saves when disposed is the
    /// store after the import and the next start need not read every stored body; a running service catches up from
    /// the store's change log either way.
    /// </summary>
    /// <exception cref="ImportLimitException">A file has more data rows than <see cref="CsvReadOptions.MaxRows"/>.</exception>
    /// <param name="workspace">The workspace the rows become private to; null imports into the public graph.</param>
    public static async Task<StreamedImport> StreamCsvAsync(
        GraphService graph, TextReader actorsCsv, string actorsFile, TextReader relationshipsCsv, string relationshipsFile,
        CsvReadOptions options, bool dryRun, string? workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var current = graph.Snapshot;
        var before = current.ForWorkspace(workspace);
        // Only a public import is kept (a workspace's rows are few: the next start reads them from the change log).
        var kept = !dryRun && workspace is null && graph.SavesSnapshotFile ? new KeptRows(current, graph.Regions) : null;
        var sink = new CountingSink(before, kept, workspace);
        var version = current.Version;
        await using (var upsert = dryRun ? null : await graph.Store.BeginBulkUpsertAsync(cancellationToken).ConfigureAwait(false))
        await using (var feed = upsert is null ? null : new StoreFeed(upsert))
        {
            sink.Feed = feed;
            // The same ownership rules as every other write (GraphService.UpsertAsync), per row with its line.
            var withIdRule = options with { IdRule = (part, id) => GraphService.WhyIdRefused(current, part, id, workspace) };
            var errors = GraphCsv.Stream(actorsCsv, actorsFile, relationshipsCsv, relationshipsFile, graph.Catalogue,
                id => before.FindActor(id) is not null, withIdRule, sink);
            if (errors.Count > 0)
            {
                return new StreamedImport(null, errors);
            }
            if (feed is not null && upsert is not null)
            {
                await feed.FlushAsync().ConfigureAwait(false);
                // An empty import changes nothing, so it does not move the store version (which would make replicas reload).
                version = sink.Rows > 0 ? await upsert.CommitAsync(cancellationToken).ConfigureAwait(false) : version;
            }
        }
        // Once the store's connection (and its import-sized page cache) is let go: the kept rows become the snapshot.
        if (kept is { GaveUp: false } && version != current.Version)
        {
            await graph.ShowBulkUpsertAsync(current, version, kept.Actors, kept.Relationships).ConfigureAwait(false);
        }
        return new StreamedImport(new ImportSummary(dryRun, sink.ActorsCreated, sink.ActorsUpdated, sink.RelationshipsCreated, sink.RelationshipsUpdated, version), []);
    }

    // Exports never carry contact details, so re-importing an export must not erase the ones the store holds.
    private static Actor KeepContact(GraphSnapshot before, Actor actor) =>
        actor.Contact is null && before.FindActor(actor.Id)?.Contact is { } contact ? actor with { Contact = contact } : actor;

    /// <summary>
    /// The rows as stored, for <see cref="GraphService.ShowBulkUpsertAsync"/>: the region the snapshot derives and the
    /// revision the store gives each row (the one before plus one, 1 for a new row) set as they arrive, and ids, types
    /// and other repeated strings shared, so the rows are already what a load of the store would make of them.
    /// </summary>
    private sealed class KeptRows(GraphSnapshot before, Regions regions)
    {
        /// <summary>
        /// Rows kept at most (100k actors and 400k ties fit). Beyond, the kept rows cost more memory than the import's
        /// bound allows (issue 11: 600 MB at 200k / 1M; keeping them all peaked at 661 MB), so they are let go and the
        /// next start reads the store, as it did before the file was kept.
        /// </summary>
        public const int MaxRows = 600_000;

        private readonly RecordInterner _interner = new();

        public List<Actor> Actors { get; private set; } = [];

        public List<Relationship> Relationships { get; private set; } = [];

        /// <summary>Whether the import outgrew <see cref="MaxRows"/> and nothing is kept.</summary>
        public bool GaveUp { get; private set; }

        public void Add(Actor actor)
        {
            if (Room())
            {
                Actors.Add(_interner.Intern(actor with
                {
                    Region = regions.Of(actor.Country),
                    Revision = (before.FindActor(actor.Id)?.Revision ?? 0) + 1,
                }));
            }
        }

        public void Add(Relationship relationship)
        {
            if (Room())
            {
                Relationships.Add(_interner.Intern(relationship with { Revision = (before.FindRelationship(relationship.Id)?.Revision ?? 0) + 1 }));
            }
        }

        private bool Room()
        {
            if (!GaveUp && Actors.Count + Relationships.Count >= MaxRows)
            {
                (GaveUp, Actors, Relationships) = (true, [], []);
            }
            return !GaveUp;
        }
    }

    /// <summary>Counts creates and updates against the graph as it was (the caller's view), and hands each row to the store (none in a dry run).</summary>
    private sealed class CountingSink(GraphSnapshot before, KeptRows? kept, string? workspace) : IGraphRowSink
    {
        /// <summary>Where rows are written (none in a dry run).</summary>
        public StoreFeed? Feed { get; set; }

        public int ActorsCreated { get; private set; }

        public int ActorsUpdated { get; private set; }

        public int RelationshipsCreated { get; private set; }

        public int RelationshipsUpdated { get; private set; }

        public int Rows => ActorsCreated + ActorsUpdated + RelationshipsCreated + RelationshipsUpdated;

        public void Add(Actor actor)
        {
            actor = actor with { Workspace = workspace };
            if (before.FindActor(actor.Id) is null)
            {
                ActorsCreated++;
            }
            else
            {
                ActorsUpdated++;
            }
            var stored = KeepContact(before, actor);
            Feed?.Add(stored);
            kept?.Add(stored);
        }

        public void Add(Relationship relationship)
        {
            relationship = relationship with { Workspace = workspace };
            if (before.FindRelationship(relationship.Id) is null)
            {
                RelationshipsCreated++;
            }
            else
            {
                RelationshipsUpdated++;
            }
            Feed?.Add(relationship);
            kept?.Add(relationship);
        }
    }
}
