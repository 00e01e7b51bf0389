using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// The write path and the current snapshot. Every write is validated, committed to the store, and only then
/// published as a new snapshot; writes are serialised so snapshots follow the store's commit order.
/// </summary>
public sealed class GraphService(IGraphStore store, RelationshipTypeCatalogue catalogue, Regions regions) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private GraphSnapshot _snapshot = GraphSnapshot.Empty(catalogue);

    public GraphSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public RelationshipTypeCatalogue Catalogue => catalogue;

    public Regions Regions => regions;

    public IGraphStore Store => store;

    /// <summary>Reloads the snapshot from the store if another writer (e.g. another replica) has moved its version.</summary>
    public async Task<bool> RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version == Snapshot.Version)
        {
            return false;
        }
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ReloadCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReloadCoreAsync(CancellationToken cancellationToken)
    {
        var data = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        Publish(GraphSnapshot.Build(data.Actors.Select(WithRegion), data.Relationships, data.Version, catalogue));
    }

    public Actor WithRegion(Actor actor) => actor with { Region = regions.Of(actor.Country) };

    public Task<Actor> CreateActorAsync(Actor actor, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            ThrowIfInvalid(ActorRules.Validate(actor));
            var committed = await store.CreateActorAsync(actor, cancellationToken).ConfigureAwait(false);
            var stored = WithRegion(committed.Value);
            await PublishCommittedAsync(committed.Version, s => s.With(committed.Version, upsertActors: [stored])).ConfigureAwait(false);
            return stored;
        }, cancellationToken);

    public Task<Actor> UpdateActorAsync(Actor actor, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            ThrowIfInvalid(ActorRules.Validate(actor));
            var committed = await store.UpdateActorAsync(actor, expectedRevision, cancellationToken).ConfigureAwait(false);
            var stored = WithRegion(committed.Value);
            await PublishCommittedAsync(committed.Version, s => s.With(committed.Version, upsertActors: [stored])).ConfigureAwait(false);
            return stored;
        }, cancellationToken);

    public Task<ActorDeletion> DeleteActorAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            var deletion = await store.DeleteActorAsync(id, expectedRevision, cancellationToken).ConfigureAwait(false);
            await PublishCommittedAsync(deletion.Version, s => s.With(deletion.Version, removeActors: [id], removeRelationships: deletion.RemovedRelationshipIds)).ConfigureAwait(false);
            return deletion;
        }, cancellationToken);

    public Task<Relationship> CreateRelationshipAsync(Relationship relationship, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            ThrowIfInvalid(ValidateRelationship(relationship));
            var committed = await store.CreateRelationshipAsync(relationship, cancellationToken).ConfigureAwait(false);
            await PublishCommittedAsync(committed.Version, s => s.With(committed.Version, upsertRelationships: [committed.Value])).ConfigureAwait(false);
            return committed.Value;
        }, cancellationToken);

    public Task<Relationship> UpdateRelationshipAsync(Relationship relationship, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            ThrowIfInvalid(ValidateRelationship(relationship));
            var committed = await store.UpdateRelationshipAsync(relationship, expectedRevision, cancellationToken).ConfigureAwait(false);
            await PublishCommittedAsync(committed.Version, s => s.With(committed.Version, upsertRelationships: [committed.Value])).ConfigureAwait(false);
            return committed.Value;
        }, cancellationToken);

    public Task<long> DeleteRelationshipAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            var version = await store.DeleteRelationshipAsync(id, expectedRevision, cancellationToken).ConfigureAwait(false);
            await PublishCommittedAsync(version, s => s.With(version, removeRelationships: [id])).ConfigureAwait(false);
            return version;
        }, cancellationToken);

    /// <summary>
    /// Upserts a batch atomically and republishes the snapshot. Items are expected to be validated by the caller
    /// (imports report errors by file and line); what only the write lock can guarantee is checked here: every
    /// relationship end is in the batch or in the graph at the moment of writing.
    /// </summary>
    public Task<long> UpsertAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            ThrowIfInvalid(DanglingEnds(Snapshot, actors, relationships));
            var version = await store.UpsertAsync(actors, relationships, cancellationToken).ConfigureAwait(false);
            // The store bumps each upserted row's revision by one (new rows start at 1); the snapshot must carry the
            // same revisions, or the ETags it serves would not match If-Match checks against the store.
            await PublishCommittedAsync(version, s => s.With(version,
                upsertActors: actors.Select(a => WithRegion(a) with { Revision = (s.FindActor(a.Id)?.Revision ?? 0) + 1 }),
                upsertRelationships: relationships.Select(r => r with { Revision = (s.FindRelationship(r.Id)?.Revision ?? 0) + 1 }))).ConfigureAwait(false);
            return version;
        }, cancellationToken);

    private static ValidationErrors DanglingEnds(GraphSnapshot snapshot, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships)
    {
        var errors = new ValidationErrors();
        var batch = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < relationships.Count; i++)
        {
            foreach (var (field, end) in new[] { ("source", relationships[i].Source), ("target", relationships[i].Target) })
            {
                if (!batch.Contains(end) && snapshot.FindActor(end) is null)
                {
                    errors.Add($"relationships[{i}].{field}", $"no actor '{end}' exists (it may have been deleted meanwhile)");
                }
            }
        }
        return errors;
    }

    /// <summary>Relationship rules plus the graph's own: both ends must exist in the current snapshot.</summary>
    public ValidationErrors ValidateRelationship(Relationship relationship)
    {
        var errors = RelationshipRules.Validate(relationship, catalogue);
        var snapshot = Snapshot;
        if (Ids.IsValid(relationship.Source) && snapshot.FindActor(relationship.Source) is null)
        {
            errors.Add("source", $"no actor '{relationship.Source}' exists");
        }
        if (Ids.IsValid(relationship.Target) && snapshot.FindActor(relationship.Target) is null)
        {
            errors.Add("target", $"no actor '{relationship.Target}' exists");
        }
        return errors;
    }

    private static void ThrowIfInvalid(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new DomainValidationException(errors);
        }
    }

    private void Publish(GraphSnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

    /// <summary>
    /// Publishes a committed write. When our commit is the store's next version, patching the current snapshot is
    /// exact. Otherwise another writer (a replica, the CLI) committed in between: patching would show a version
    /// that hides its change from the version poll forever, so reload instead. The write is already acknowledged
    /// by the store, so this runs to the end whatever the caller's token says.
    /// </summary>
    private async Task PublishCommittedAsync(long version, Func<GraphSnapshot, GraphSnapshot> patch)
    {
        var before = Snapshot;
        if (version == before.Version + 1)
        {
            Publish(patch(before));
        }
        else
        {
            await ReloadCoreAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();
}
