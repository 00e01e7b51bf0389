using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace GraphApi.Core.Graph;

/// <summary>
/// The records one workspace owns, in snapshot form (search text, packed fields but the ends), and the store version
/// of its last change: what its members' overlay is built from.
/// </summary>
internal sealed record WorkspaceRecords(
    ImmutableSortedDictionary<string, ActorEntry> Actors,
    ImmutableSortedDictionary<string, GraphChange.UpsertRelationship> Relationships,
    long Version)
{
    public static WorkspaceRecords Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, ActorEntry>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, GraphChange.UpsertRelationship>(StringComparer.Ordinal), 0);
}

/// <summary>
/// Every workspace's private records, beside the public graph and never inside it: the snapshot's own accessors see
/// the public graph only, so code that forgets a caller's workspace shows less, never another's records. Immutable
/// like the delta (persistent maps), so a write costs in proportion to what it changed. Holds the overlay cache
/// shared by the snapshots that follow one another.
/// </summary>
internal sealed record PrivateRecords
{
    public static PrivateRecords Empty => new();

    public ImmutableDictionary<string, WorkspaceRecords> ByWorkspace { get; init; } =
        ImmutableDictionary.Create<string, WorkspaceRecords>(StringComparer.Ordinal);

    /// <summary>Which workspace owns each private actor id.</summary>
    public ImmutableDictionary<string, string> ActorOwners { get; init; } = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Which workspace owns each private relationship id.</summary>
    public ImmutableDictionary<string, string> RelationshipOwners { get; init; } = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Overlays already built, shared by successive snapshots (see <see cref="GraphSnapshot.ForWorkspace"/>).</summary>
    public OverlayCache Overlays { get; init; } = new();

    public bool IsEmpty => ActorOwners.IsEmpty && RelationshipOwners.IsEmpty;

    public WorkspaceRecords Of(string workspace) => ByWorkspace.TryGetValue(workspace, out var records) ? records : WorkspaceRecords.Empty;

    public PrivateRecords WithActor(ActorEntry entry, long version)
    {
        var workspace = entry.Actor.Workspace!;
        var records = Of(workspace);
        return this with
        {
            ByWorkspace = ByWorkspace.SetItem(workspace, records with { Actors = records.Actors.SetItem(entry.Actor.Id, entry), Version = version }),
            ActorOwners = ActorOwners.SetItem(entry.Actor.Id, workspace),
        };
    }

    public PrivateRecords WithRelationship(GraphChange.UpsertRelationship upsert, long version)
    {
        var workspace = upsert.Relationship.Workspace!;
        var records = Of(workspace);
        return this with
        {
            ByWorkspace = ByWorkspace.SetItem(workspace,
                records with { Relationships = records.Relationships.SetItem(upsert.Relationship.Id, upsert), Version = version }),
            RelationshipOwners = RelationshipOwners.SetItem(upsert.Relationship.Id, workspace),
        };
    }

    public PrivateRecords WithoutRelationship(string id, long version)
    {
        if (!RelationshipOwners.TryGetValue(id, out var workspace))
        {
            return this;
        }
        var records = Of(workspace);
        return this with
        {
            ByWorkspace = ByWorkspace.SetItem(workspace, records with { Relationships = records.Relationships.Remove(id), Version = version }),
            RelationshipOwners = RelationshipOwners.Remove(id),
        };
    }

    /// <summary>Removes a private actor, and every private tie touching it when <paramref name="withTies"/> (a deletion; not a change of visibility).</summary>
    public PrivateRecords WithoutActor(string id, long version, bool withTies)
    {
        if (!ActorOwners.TryGetValue(id, out var workspace))
        {
            return this;
        }
        var result = withTies ? WithoutTiesTo([id], version) : this;
        var records = result.Of(workspace);
        return result with
        {
            ByWorkspace = result.ByWorkspace.SetItem(workspace, records with { Actors = records.Actors.Remove(id), Version = version }),
            ActorOwners = result.ActorOwners.Remove(id),
        };
    }

    /// <summary>Drops the private ties (of any workspace) that touch one of the actors: they went with the actor.</summary>
    public PrivateRecords WithoutTiesTo(IReadOnlyCollection<string> actorIds, long version)
    {
        if (RelationshipOwners.IsEmpty || actorIds.Count == 0)
        {
            return this;
        }
        var gone = actorIds.ToHashSet(StringComparer.Ordinal);
        var result = this;
        foreach (var records in ByWorkspace.Values)
        {
            foreach (var tie in records.Relationships.Values)
            {
                if (gone.Contains(tie.Relationship.Source) || gone.Contains(tie.Relationship.Target))
                {
                    result = result.WithoutRelationship(tie.Relationship.Id, version);
                }
            }
        }
        return result;
    }

    /// <summary>The same records with the workspace's entry gone altogether (its deletion).</summary>
    public PrivateRecords WithoutWorkspace(string workspace) => ByWorkspace.ContainsKey(workspace) && Of(workspace) is { Actors.IsEmpty: true, Relationships.IsEmpty: true }
        ? this with { ByWorkspace = ByWorkspace.Remove(workspace) }
        : this;
}

/// <summary>
/// The overlays built so far, one per workspace, each with what it was built from: a later snapshot reuses one as
/// long as neither the public graph (its base and delta, compared by reference) nor the workspace's records changed,
/// so an overlay is built once per workspace version and public version, whatever other workspaces write.
/// </summary>
/// <remarks>
/// An overlay is first the public graph plus the workspace's records as a delta: ready in time proportional to those
/// records. Searches read a delta actor's arcs from persistent maps, slower than the base's arrays, so an overlay with
/// many records is then compacted off the request path (as the service merges its own delta) and swapped in when
/// ready: the same records, slots in id order, every array a route search reads (benchmark: docs/performance.md).
/// </remarks>
internal sealed class OverlayCache
{
    /// <summary>Records in an overlay from which it is worth compacting in the background.</summary>
    public const int CompactFrom = 256;

    private readonly ConcurrentDictionary<string, Overlay> _overlays = new(StringComparer.Ordinal);
    private Overlay? _public;

    public sealed record Overlay(object Base, object Delta, WorkspaceRecords? Records, GraphSnapshot View);

    public GraphSnapshot GetOrBuild(string? workspace, object graphBase, object delta, WorkspaceRecords? records, Func<GraphSnapshot> build)
    {
        var known = workspace is null ? Volatile.Read(ref _public) : _overlays.GetValueOrDefault(workspace);
        if (known is not null && ReferenceEquals(known.Base, graphBase) && ReferenceEquals(known.Delta, delta) && ReferenceEquals(known.Records, records))
        {
            return known.View;
        }
        var built = new Overlay(graphBase, delta, records, build());
        if (workspace is null)
        {
            Volatile.Write(ref _public, built);
        }
        else
        {
            _overlays[workspace] = built;
            if (built.View.PendingChanges >= CompactFrom)
            {
                // Swapped in only if the overlay is still the current one; until then, and if this fails, the delta serves.
                _ = Task.Run(() => _overlays.TryUpdate(workspace, built with { View = built.View.Compacted() }, built));
            }
        }
        return built.View;
    }

    public void Forget(string workspace) => _overlays.TryRemove(workspace, out _);

    /// <summary>
    /// Drops the overlays built on another base than <paramref name="current"/>: no later snapshot can reuse them,
    /// and each holds the base it was built on, so after a merge the one the merge replaced stayed in memory beside
    /// the new one until the next request asked for that view (after a burst of writes: a whole second graph).
    /// </summary>
    public void ForgetAllBuiltOnOtherThan(object current)
    {
        if (Volatile.Read(ref _public) is { } known && !ReferenceEquals(known.Base, current))
        {
            Interlocked.CompareExchange(ref _public, null, known);
        }
        foreach (var (workspace, overlay) in _overlays)
        {
            if (!ReferenceEquals(overlay.Base, current))
            {
                _overlays.TryRemove(new KeyValuePair<string, Overlay>(workspace, overlay));
            }
        }
    }
}
