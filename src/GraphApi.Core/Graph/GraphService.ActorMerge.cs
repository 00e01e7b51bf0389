using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

public sealed partial class GraphService
{
    /// <summary>
    /// Merges actor <paramref name="id"/> into <paramref name="into"/> through the single writer (one store
    /// transaction, then the snapshot shows it at once), or with <paramref name="dryRun"/> only plans it on the
    /// current snapshot and changes nothing. <paramref name="expectedRevision"/> is the merged actor's (If-Match).
    /// </summary>
    /// <exception cref="DomainValidationException">The two ids are the same, or the joined aliases break the actor rules.</exception>
    /// <exception cref="StoreNotFoundException">Either actor does not exist.</exception>
    /// <exception cref="StorePreconditionException">The merged actor moved on from <paramref name="expectedRevision"/>.</exception>
    public async Task<ActorMerge> MergeActorAsync(string id, string into, bool collapseDuplicates, bool dryRun, long? expectedRevision,
        CancellationToken cancellationToken)
    {
        if (id == into)
        {
            var errors = new ValidationErrors();
            errors.Add("into", "must be another actor than the one merged");
            ThrowIfInvalid(errors);
        }
        var snapshot = Snapshot;
        var merged = snapshot.FindActor(id) ?? throw new StoreNotFoundException($"no actor '{id}' exists");
        var target = snapshot.FindActor(into) ?? throw new StoreNotFoundException($"no actor '{into}' exists");
        if (expectedRevision is { } expected && expected != merged.Revision)
        {
            throw new StorePreconditionException($"actor '{id}' is at revision {merged.Revision}, not {expected}: it changed since you read it");
        }
        var plan = ActorMergePlanner.Plan(merged, target, snapshot.RelationshipsOf(id), snapshot.RelationshipsOf(into), _catalogue, collapseDuplicates,
            snapshot.Version);
        // Checked on the plan before writing: too many aliases after joining is the caller's to fix (400), not the store's.
        ThrowIfInvalid(ActorRules.Validate(plan.IntoActor));
        if (dryRun)
        {
            return plan with { IntoActor = WithRegion(plan.IntoActor) };
        }
        var done = (await CommitAsync(new StoreWrite.MergeActors(id, into, collapseDuplicates, expectedRevision, _catalogue), cancellationToken).ConfigureAwait(false)).Value;
        return done with { IntoActor = WithRegion(done.IntoActor) };
    }

    /// <summary>Where a merged actor's id points now, or null (never merged, or the store keeps no redirects).</summary>
    public Task<ActorRedirect?> FindRedirectAsync(string id, CancellationToken cancellationToken) => _store.FindRedirectAsync(id, cancellationToken);
}
