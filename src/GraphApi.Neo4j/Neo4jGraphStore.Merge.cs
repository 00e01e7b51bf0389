using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>Merging duplicate actors (<see cref="StoreWrite.MergeActors"/>) in one Query API transaction, and the redirects it leaves.</summary>
public sealed partial class Neo4jGraphStore
{
    Task<Committed<ActorMerge>> IStoreWriter.MergeActorsAsync(StoreWrite.MergeActors merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return WriteAsync(async (tx, version, audit, ct) =>
        {
            var merged = Check(await ActorAsync(tx, merge.Id, ct).ConfigureAwait(false), "actor", merge.Id, merge.ExpectedRevision);
            var into = Check(await ActorAsync(tx, merge.Into, ct).ConfigureAwait(false), "actor", merge.Into, null);
            var ties = (await ReadTiesAsync(tx, merge.Id, ct).ConfigureAwait(false), await ReadTiesAsync(tx, merge.Into, ct).ConfigureAwait(false));
            var plan = ActorMergePlanner.Plan(merged, into, ties.Item1, ties.Item2, merge.Catalogue, merge.CollapseDuplicates, version);
            var before = ties.Item1.Concat(ties.Item2).DistinctBy(r => r.Id).ToDictionary(r => r.Id, StringComparer.Ordinal);
            // As on the embedded store: the merge's own entry first, then one per record it changes.
            audit.Merged(merged, ActorMergeAudit.Summary(plan));
            foreach (var id in plan.RemovedRelationshipIds)
            {
                await tx.RunAsync(Query("relationship-delete", ("id", id)), ct).ConfigureAwait(false);
                audit.Deleted(before[id]);
            }
            var repointed = new List<Relationship>(plan.Repointed.Count);
            foreach (var tie in plan.Repointed)
            {
                // Neo4j cannot move a relationship's end: delete it and create it again, same id, next revision.
                var stored = tie with { Revision = tie.Revision + 1 };
                await tx.RunAsync(Query("relationship-delete", ("id", tie.Id)), ct).ConfigureAwait(false);
                await CreateRelationshipCoreAsync(tx, stored, ct).ConfigureAwait(false);
                audit.Updated(before[tie.Id], stored);
                repointed.Add(stored);
            }
            var updated = plan.IntoActor with { Revision = into.Revision + 1 };
            await tx.RunAsync(Query("actor-update", ("id", updated.Id), ("properties", Neo4jMapping.Properties(updated, updated.Revision))), ct)
                .ConfigureAwait(false);
            audit.Updated(into, updated);
            await tx.RunAsync(Query("actor-delete", ("id", merge.Id)), ct).ConfigureAwait(false);
            audit.Deleted(merged);
            await tx.RunAsync(Query("redirects-follow", ("id", merge.Id), ("into", merge.Into)), ct).ConfigureAwait(false);
            await tx.RunAsync(Query("redirect-set", ("id", merge.Id), ("into", merge.Into)), ct).ConfigureAwait(false);
            return new Committed<ActorMerge>(plan with { IntoActor = updated, Repointed = repointed }, version);
        }, cancellationToken);
    }

    public async Task<ActorRedirect?> FindRedirectAsync(string id, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Query("redirect-get", ("id", id)), cancellationToken).ConfigureAwait(false);
        return result.FirstOrNull?.Get<string>("into") is { } into ? new ActorRedirect(id, into) : null;
    }

    private static async Task<List<Relationship>> ReadTiesAsync(QueryApiTransaction tx, string id, CancellationToken ct)
    {
        var result = await tx.RunAsync(Query("actor-ties", ("id", id)), ct).ConfigureAwait(false);
        return [.. result.Records.Select(r => Neo4jMapping.ToRelationship(r.Get<Neo4jRelationship>("r"), r.Get<string>("source"), r.Get<string>("target")))];
    }
}
