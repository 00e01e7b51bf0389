using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Storage;

/// <summary>
/// One write the graph commits, with the name of whoever asked for it (recorded in the audit trail). Every kind
/// below derives from <see cref="StoreWrite{TOutcome}"/>, which states what the write comes to once stored, and is
/// handled in exactly two places, both checked by the compiler: each store runs it
/// (<see cref="StoreWrite{TOutcome}.RunAsync"/> calls the store's <see cref="IStoreWriter"/> method for the kind)
/// and the snapshot shows it (<see cref="StoreWrite{TOutcome}.Prepare"/> calls the <see cref="SnapshotRecords"/>
/// method for the kind). A new kind does not compile until both have a method for it, and then every store fails
/// to compile until it implements that method.
/// </summary>
/// <remarks>
/// Why a visitor rather than a switch over the kinds: C# has no closed class hierarchies, so a switch compiles
/// whatever kinds it misses and fails at run time; an abstract member per kind cannot be left out.
/// </remarks>
public abstract record StoreWrite
{
    // Only the kinds below: their internal members tie each one to the snapshot, which other assemblies cannot do.
    private protected StoreWrite()
    {
    }

    /// <summary>Who asked for the write: by default the author of the flow that made it (<see cref="ChangeAuthor"/>).</summary>
    public string Author { get; init; } = ChangeAuthor.Name;

    /// <summary>What the write changes, in plain words, for messages about it ("actor 'x'").</summary>
    public abstract string Describe();

    /// <summary>Creates an actor (conflict if the id exists); comes to the actor as stored, at revision 1.</summary>
    public sealed record CreateActor(Actor Actor) : StoreWrite<Actor>
    {
        public override Task<Committed<Actor>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.CreateActorAsync(this, cancellationToken);

        internal override PreparedWrite<Actor> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"actor '{Actor.Id}'";
    }

    /// <summary>Replaces an actor (at <paramref name="ExpectedRevision"/> when given); comes to the actor as stored.</summary>
    public sealed record UpdateActor(Actor Actor, long? ExpectedRevision) : StoreWrite<Actor>
    {
        public override Task<Committed<Actor>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.UpdateActorAsync(this, cancellationToken);

        internal override PreparedWrite<Actor> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"actor '{Actor.Id}'";
    }

    /// <summary>Deletes an actor and every relationship touching it, in one transaction.</summary>
    public sealed record DeleteActor(string Id, long? ExpectedRevision) : StoreWrite<ActorDeletion>
    {
        public override Task<Committed<ActorDeletion>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.DeleteActorAsync(this, cancellationToken);

        internal override PreparedWrite<ActorDeletion> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"the deletion of actor '{Id}'";
    }

    /// <summary>Creates a relationship between two existing actors; comes to the relationship as stored, at revision 1.</summary>
    public sealed record CreateRelationship(Relationship Relationship) : StoreWrite<Relationship>
    {
        public override Task<Committed<Relationship>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.CreateRelationshipAsync(this, cancellationToken);

        internal override PreparedWrite<Relationship> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"relationship '{Relationship.Id}'";
    }

    /// <summary>Replaces a relationship (at <paramref name="ExpectedRevision"/> when given); comes to it as stored.</summary>
    public sealed record UpdateRelationship(Relationship Relationship, long? ExpectedRevision) : StoreWrite<Relationship>
    {
        public override Task<Committed<Relationship>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.UpdateRelationshipAsync(this, cancellationToken);

        internal override PreparedWrite<Relationship> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"relationship '{Relationship.Id}'";
    }

    /// <summary>Deletes a relationship.</summary>
    public sealed record DeleteRelationship(string Id, long? ExpectedRevision) : StoreWrite<RelationshipDeletion>
    {
        public override Task<Committed<RelationshipDeletion>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.DeleteRelationshipAsync(this, cancellationToken);

        internal override PreparedWrite<RelationshipDeletion> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"the deletion of relationship '{Id}'";
    }

    /// <summary>
    /// Inserts or replaces every actor and relationship, all or nothing; each row's revision becomes its stored one
    /// plus one (1 for a new row).
    /// </summary>
    public sealed record Upsert(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships) : StoreWrite<Upserted>
    {
        public override Task<Committed<Upserted>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.UpsertAsync(this, cancellationToken);

        internal override PreparedWrite<Upserted> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"{Actors.Count} actors and {Relationships.Count} relationships";
    }

    /// <summary>
    /// Deletes a workspace with every private record it owns (its relationships first, then its actors), in one
    /// transaction (<paramref name="ExpectedRevision"/> is the workspace's).
    /// </summary>
    public sealed record DeleteWorkspace(string Id, long? ExpectedRevision) : StoreWrite<WorkspaceDeletion>
    {
        public override Task<Committed<WorkspaceDeletion>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.DeleteWorkspaceAsync(this, cancellationToken);

        internal override PreparedWrite<WorkspaceDeletion> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"the deletion of workspace '{Id}'";
    }

    /// <summary>
    /// Merges actor <paramref name="Id"/> into <paramref name="Into"/> in one transaction: plan with
    /// <see cref="ActorMergePlanner"/> from the store's own rows, re-point, drop self-loops (and collapsed duplicates),
    /// join aliases and sources into the target, delete the merged actor, and record the redirect (re-aiming older
    /// redirects to the merged actor, so chains never form). <paramref name="ExpectedRevision"/> is the merged
    /// actor's. The catalogue says which types are directed, which decides what counts as a duplicate tie (stores
    /// do not otherwise know it).
    /// </summary>
    public sealed record MergeActors(string Id, string Into, bool CollapseDuplicates, long? ExpectedRevision, RelationshipTypeCatalogue Catalogue)
        : StoreWrite<ActorMerge>
    {
        public override Task<Committed<ActorMerge>> RunAsync(IStoreWriter store, CancellationToken cancellationToken) =>
            store.MergeActorsAsync(this, cancellationToken);

        internal override PreparedWrite<ActorMerge> Prepare(SnapshotRecords snapshot) => snapshot.Prepare(this);

        public override string Describe() => $"the merge of actor '{Id}' into '{Into}'";
    }
}

/// <summary>A write whose stored result is a <typeparamref name="TOutcome"/> (see <see cref="StoreWrite"/> for the kinds).</summary>
public abstract record StoreWrite<TOutcome> : StoreWrite
{
    private protected StoreWrite()
    {
    }

    /// <summary>Hands the write to the store's method for its kind: the one dispatch over write kinds on the store side.</summary>
    public abstract Task<Committed<TOutcome>> RunAsync(IStoreWriter store, CancellationToken cancellationToken);

    /// <summary>
    /// Works out what the write's records become in the snapshot, before the commit (a record the snapshot cannot
    /// take is refused here), and how its outcome is shown once committed: the one dispatch on the snapshot side.
    /// </summary>
    internal abstract PreparedWrite<TOutcome> Prepare(SnapshotRecords snapshot);
}
