namespace GraphApi.Core.Domain;

/// <summary>
/// What merging actor <see cref="Merged"/> into <see cref="Into"/> does (or did): <see cref="IntoActor"/> with the
/// merged actor's name, aliases and sources joined in; <see cref="Repointed"/>, the merged actor's relationships
/// with that end moved to <see cref="Into"/> (as stored afterwards); <see cref="Duplicates"/>, the groups of
/// relationships with the same ends and type that re-pointing makes (each kept, or collapsed into its first);
/// <see cref="SelfLoops"/>, ties between the two actors, dropped because they would join <see cref="Into"/> to
/// itself; <see cref="RemovedRelationshipIds"/>, every relationship deleted (self-loops and collapsed duplicates).
/// <see cref="Version"/> is the store version that holds the merge (for a dry run, the snapshot version it was
/// planned on).
/// </summary>
public sealed record ActorMerge(
    string Merged,
    string Into,
    Actor IntoActor,
    IReadOnlyList<Relationship> Repointed,
    IReadOnlyList<DuplicateTieGroup> Duplicates,
    IReadOnlyList<string> SelfLoops,
    IReadOnlyList<string> RemovedRelationshipIds,
    bool Collapsed,
    long Version);

/// <summary>
/// Relationships of one type between the same two actors (in the same direction, for directed types) after a merge.
/// <see cref="Kept"/> is the one a collapse keeps; <see cref="Others"/> the rest, removed when collapsing.
/// </summary>
public sealed record DuplicateTieGroup(string Type, string Source, string Target, string Kept, IReadOnlyList<string> Others);

/// <summary>
/// Plans a merge from the two actors and their relationships, the same way for every store (each reads its own
/// rows inside its transaction and applies the plan there) and for a dry run on the snapshot.
/// </summary>
public static class ActorMergePlanner
{
    /// <param name="mergedTies">Every relationship touching the merged actor.</param>
    /// <param name="intoTies">Every relationship touching the actor it is merged into.</param>
    public static ActorMerge Plan(Actor merged, Actor into, IEnumerable<Relationship> mergedTies, IEnumerable<Relationship> intoTies,
        RelationshipTypeCatalogue catalogue, bool collapse, long version)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (merged.Id == into.Id)
        {
            throw new ArgumentException("an actor cannot be merged into itself", nameof(into));
        }
        var selfLoops = new List<string>();
        var moved = new List<Relationship>();
        foreach (var tie in mergedTies.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var repointed = tie with
            {
                Source = tie.Source == merged.Id ? into.Id : tie.Source,
                Target = tie.Target == merged.Id ? into.Id : tie.Target,
            };
            if (repointed.Source == repointed.Target)
            {
                selfLoops.Add(tie.Id);
            }
            else
            {
                moved.Add(repointed);
            }
        }
        var movedIds = moved.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var own = intoTies.Where(r => r.Source != merged.Id && r.Target != merged.Id && !movedIds.Contains(r.Id));
        var duplicates = Duplicates(moved, own, movedIds, catalogue);
        var removed = selfLoops.Concat(collapse ? duplicates.SelectMany(d => d.Others) : []).ToHashSet(StringComparer.Ordinal);
        return new ActorMerge(
            merged.Id,
            into.Id,
            Joined(merged, into),
            [.. moved.Where(r => !removed.Contains(r.Id))],
            duplicates,
            selfLoops,
            [.. removed.Order(StringComparer.Ordinal)],
            collapse,
            version);
    }

    /// <summary>
    /// Groups by owner, type and ends — unordered ends for undirected types — and reports the groups a moved tie is in.
    /// A collapse keeps the target's own tie if the group has one (it was there first), else the smallest id. Ties of
    /// different owners (the public graph, each workspace) are never duplicates of each other: collapsing a workspace's
    /// private tie into a public one would delete what only that workspace recorded.
    /// </summary>
    private static List<DuplicateTieGroup> Duplicates(List<Relationship> moved, IEnumerable<Relationship> own, HashSet<string> movedIds,
        RelationshipTypeCatalogue catalogue)
    {
        var groups = new List<DuplicateTieGroup>();
        foreach (var group in moved.Concat(own).GroupBy(r => Key(r, catalogue)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!group.Skip(1).Any() || !group.Any(r => movedIds.Contains(r.Id)))
            {
                continue;
            }
            var ordered = group.OrderBy(r => movedIds.Contains(r.Id)).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var kept = ordered[0];
            groups.Add(new DuplicateTieGroup(kept.Type, kept.Source, kept.Target, kept.Id, [.. ordered.Skip(1).Select(r => r.Id)]));
        }
        return groups;
    }

    private static string Key(Relationship r, RelationshipTypeCatalogue catalogue)
    {
        var directed = catalogue.TryGet(r.Type, out var type) && type.Directed;
        var (a, b) = directed || string.CompareOrdinal(r.Source, r.Target) <= 0 ? (r.Source, r.Target) : (r.Target, r.Source);
        return $"{r.Workspace}\u0001{r.Type}\u0001{a}\u0001{b}";
    }

    /// <summary>
    /// The target actor with the merged actor's name and aliases as aliases, and both actors' sources, without repeats, in
    /// NFC (the text rule): rows stored before the rule may not be, and "Pôle" decomposed must not sit beside "Pôle" composed.
    /// </summary>
    private static Actor Joined(Actor merged, Actor into)
    {
        var aliases = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { TextRule.Normalise(into.Name) };
        foreach (var alias in into.Aliases.Append(merged.Name).Concat(merged.Aliases).Select(TextRule.Normalise))
        {
            if (seen.Add(alias))
            {
                aliases.Add(alias);
            }
        }
        var sources = into.Sources.Concat(merged.Sources).Select(TextRule.Normalise).Distinct(StringComparer.Ordinal);
        return ActorRules.Normalised(into with { Aliases = aliases, Sources = [.. sources] });
    }
}
