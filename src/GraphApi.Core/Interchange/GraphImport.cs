using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Interchange;

/// <summary>What an import did (or, for a dry run, would do), counted against the graph as it was before.</summary>
public sealed record ImportSummary(
    bool DryRun, int ActorsCreated, int ActorsUpdated, int RelationshipsCreated, int RelationshipsUpdated, long Version);

/// <summary>Applies a validated batch: upsert by id, all or nothing, shared by the API and the CLI.</summary>
public static class GraphImport
{
    public static async Task<ImportSummary> ApplyAsync(
        GraphService graph, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, bool dryRun, CancellationToken cancellationToken)
    {
        var before = graph.Snapshot;
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

    // Exports never carry contact details, so re-importing an export must not erase the ones the store holds.
    private static Actor KeepContact(GraphSnapshot before, Actor actor) =>
        actor.Contact is null && before.FindActor(actor.Id)?.Contact is { } contact ? actor with { Contact = contact } : actor;
}
