using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

/// <summary>
/// Private records and the views callers read. The service's snapshot holds the public graph (base + delta, what
/// every accessor of this class sees) and, beside it, each workspace's private records (<see cref="PrivateRecords"/>),
/// which no accessor reaches. Callers read a <em>view</em>: <see cref="PublicView"/> (the public graph, versioned by
/// its own last change, so another workspace's writes move no ETag), or <see cref="ForWorkspace"/>: the public graph
/// with the workspace's records applied on top as a delta (the base + delta design, in time proportional to the
/// workspace's records), built once per public version and workspace version and shared by every caller of it.
/// </summary>
public sealed partial class GraphSnapshot
{
    internal PrivateRecords Private { get; private init; } = PrivateRecords.Empty;

    /// <summary>The store version of the public graph's last change (on a view: the view's version is built from it).</summary>
    public long PublicVersion { get; private init; }

    /// <summary>The workspace whose private records this view includes; null for the public graph.</summary>
    public string? Workspace { get; private init; }

    /// <summary>Whether this is a view for callers (its version the view's own) rather than the service's snapshot.</summary>
    public bool IsView { get; private init; }

    /// <summary>What caches key answers by: two views with the same key hold the same records.</summary>
    public string ViewKey => $"{Workspace ?? "-"}:{Version}";

    /// <summary>Whether any workspace holds private records.</summary>
    public bool HasPrivateRecords => !Private.IsEmpty;

    /// <summary>Whether <paramref name="actorId"/> is some workspace's private actor (for the write path's checks only).</summary>
    internal string? PrivateOwnerOfActor(string actorId) => Private.ActorOwners.GetValueOrDefault(actorId);

    internal string? PrivateOwnerOfRelationship(string relationshipId) => Private.RelationshipOwners.GetValueOrDefault(relationshipId);

    /// <summary>Whether the id is taken by any record, public or private (new ids must avoid both).</summary>
    internal bool IsActorIdTaken(string id) => FindActor(id) is not null || Private.ActorOwners.ContainsKey(id);

    internal bool IsRelationshipIdTaken(string id) => FindRelationship(id) is not null || Private.RelationshipOwners.ContainsKey(id);

    /// <summary>The public graph as callers see it: no private record, versioned by the public graph's last change.</summary>
    public GraphSnapshot PublicView() => IsView && Workspace is null ? this
        : Private.Overlays.GetOrBuild(null, _base, _delta, null,
            () => new GraphSnapshot(_base, _delta, PublicVersion, Catalogue) { PublicVersion = PublicVersion, IsView = true });

    /// <summary>
    /// The view of a member of <paramref name="workspace"/>: the public graph plus the workspace's private records,
    /// nothing of any other workspace; the public view for null or a workspace without records.
    /// </summary>
    public GraphSnapshot ForWorkspace(string? workspace)
    {
        if (IsView)
        {
            return workspace == Workspace ? this : throw new InvalidOperationException("a view is read as it is; ask the service's snapshot for another");
        }
        if (workspace is null || !Private.ByWorkspace.TryGetValue(workspace, out var records))
        {
            return PublicView();
        }
        return Private.Overlays.GetOrBuild(workspace, _base, _delta, records, () => BuildOverlay(workspace, records));
    }

    private GraphSnapshot BuildOverlay(string workspace, WorkspaceRecords records)
    {
        var version = Math.Max(PublicVersion, records.Version);
        var overlay = new GraphSnapshot(_base, _delta, version, Catalogue)
            .WithPreparedPublic(version, records.Actors.Values.Select(e => new GraphChange.UpsertActor(e)), null, records.Relationships.Values, null);
        return new GraphSnapshot(overlay._base, overlay._delta, version, Catalogue) { PublicVersion = PublicVersion, Workspace = workspace, IsView = true };
    }

    /// <summary>The same view facts on a snapshot derived from this one (compacted, as of a day, at another version).</summary>
    private GraphSnapshot Derived(GraphBase graphBase, GraphDelta delta, long version) =>
        new(graphBase, delta, version, Catalogue) { Private = Private, PublicVersion = PublicVersion, Workspace = Workspace, IsView = IsView };

    /// <summary>This public graph with <paramref name="current"/>'s private records and public version (a merge swapped in).</summary>
    internal GraphSnapshot WithPrivateOf(GraphSnapshot current) =>
        new(_base, _delta, Version, Catalogue) { Private = current.Private, PublicVersion = current.PublicVersion };

    /// <summary>
    /// Sorts the changes of a write (or a catch-up) between the public graph and the workspaces' records — a record's
    /// <c>Workspace</c> says where it lives, a removal goes where its id is — and applies each part: the public part
    /// through the delta, the private part to <see cref="Private"/>. A record whose visibility changed leaves one side for
    /// the other. The public version moves only when the public graph did.
    /// </summary>
    internal GraphSnapshot WithPrepared(
        long version,
        IEnumerable<GraphChange.UpsertActor> upsertActors,
        IEnumerable<string>? removeActors,
        IEnumerable<GraphChange.UpsertRelationship> upsertRelationships,
        IEnumerable<string>? removeRelationships)
    {
        var records = Private;
        var publicRelationshipRemovals = new List<string>();
        foreach (var id in removeRelationships ?? [])
        {
            if (records.RelationshipOwners.ContainsKey(id))
            {
                records = records.WithoutRelationship(id, version);
            }
            else
            {
                publicRelationshipRemovals.Add(id);
            }
        }
        var publicActorRemovals = new List<string>();
        foreach (var id in removeActors ?? [])
        {
            if (records.ActorOwners.ContainsKey(id))
            {
                records = records.WithoutActor(id, version, withTies: true);
            }
            else
            {
                publicActorRemovals.Add(id);
            }
        }
        // A public actor's deletion takes every tie touching it, private ones included.
        records = records.WithoutTiesTo(publicActorRemovals, version);
        var publicActors = new List<GraphChange.UpsertActor>();
        foreach (var upsert in upsertActors)
        {
            var id = upsert.Entry.Actor.Id;
            if (upsert.Entry.Actor.Workspace is null)
            {
                records = records.WithoutActor(id, version, withTies: false);
                publicActors.Add(upsert);
            }
            else
            {
                if (TryGetIndex(id, out _))
                {
                    publicActorRemovals.Add(id);
                }
                records = records.WithoutActor(id, version, withTies: false).WithActor(upsert.Entry, version);
            }
        }
        var publicRelationships = new List<GraphChange.UpsertRelationship>();
        foreach (var upsert in upsertRelationships)
        {
            var id = upsert.Relationship.Id;
            if (upsert.Relationship.Workspace is null)
            {
                records = records.WithoutRelationship(id, version);
                publicRelationships.Add(upsert);
            }
            else
            {
                if (RelationshipSlotOf(id) >= 0)
                {
                    publicRelationshipRemovals.Add(id);
                }
                records = records.WithoutRelationship(id, version).WithRelationship(upsert, version);
            }
        }
        var publicChanged = publicActors.Count + publicRelationships.Count + publicActorRemovals.Count + publicRelationshipRemovals.Count > 0;
        var next = publicChanged
            ? WithPreparedPublic(version, publicActors, publicActorRemovals, publicRelationships, publicRelationshipRemovals)
            : this;
        return new GraphSnapshot(next._base, next._delta, version, Catalogue)
        {
            Private = records,
            PublicVersion = publicChanged ? version : PublicVersion,
        };
    }

    /// <summary>A snapshot of public records and private ones (each where its <c>Workspace</c> says), as a load builds it.</summary>
    private static GraphSnapshot Partitioned(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, long version, RelationshipTypeCatalogue catalogue) =>
        new GraphSnapshot(GraphBase.Build(actors.Where(a => a.Workspace is null), relationships.Where(r => r.Workspace is null), catalogue),
            GraphDelta.Empty, version, catalogue)
            .WithLoadedPrivate([.. actors.Where(a => a.Workspace is not null)], [.. relationships.Where(r => r.Workspace is not null)]);

    /// <summary>
    /// This public graph with the private records given (each in the workspace its <c>Workspace</c> names), all at this
    /// snapshot's version, as a load of the store makes them (the saved file and the store both).
    /// </summary>
    internal GraphSnapshot WithLoadedPrivate(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships)
    {
        if (actors.Count == 0 && relationships.Count == 0)
        {
            return this;
        }
        var records = PrivateRecords.Empty;
        foreach (var actor in actors)
        {
            records = records.WithActor(ActorEntry.Of(actor), Version);
        }
        var typeNumbers = GraphBase.TypeNumbers(Catalogue);
        foreach (var relationship in relationships)
        {
            records = records.WithRelationship(new GraphChange.UpsertRelationship(relationship, GraphBase.FieldsOf(relationship, -1, -1, Catalogue, typeNumbers)), Version);
        }
        return new GraphSnapshot(_base, _delta, Version, Catalogue) { Private = records, PublicVersion = Version };
    }

    /// <summary>Every workspace's private actors and relationships, by workspace then id (what a saved file holds beside the public graph).</summary>
    internal (List<Actor> Actors, List<Relationship> Relationships) PrivateRecordsInOrder()
    {
        var workspaces = Private.ByWorkspace.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value).ToList();
        return ([.. workspaces.SelectMany(w => w.Actors.Values.Select(e => e.Actor))], [.. workspaces.SelectMany(w => w.Relationships.Values.Select(u => u.Relationship))]);
    }
}
