using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The specification, written the slow and obvious way: enumerate every simple path, sort them all, and pick.
/// Costs are the spec's nano-nat quantisation of −ln(base) + ln 2 × ageYears / halfLife, summed exactly.
/// </summary>
internal sealed class ReferenceRoutes(GraphSnapshot graph, ReferenceQuery query)
{
    public sealed record Path(int[] Actors, int[] Relationships, long Cost);

    public List<Path> AllSorted()
    {
        var paths = new List<Path>();
        foreach (var source in query.From)
        {
            var actors = new List<int> { source };
            var relationships = new List<int>();
            Walk(source, 0, actors, relationships, paths);
        }
        paths.Sort(Compare);
        return paths;
    }

    public List<Path> Best(int k) => [.. AllSorted().Take(k)];

    public List<Path> DistinctTargets(int k)
    {
        var used = new HashSet<int>();
        return [.. AllSorted().Where(p => used.Add(p.Actors[^1])).Take(k)];
    }

    public List<Path> Disjoint(int k, bool distinctTargets)
    {
        var chosen = new List<Path>();
        var brokers = new HashSet<int>();
        var directs = new HashSet<(int, int)>();
        var targets = new HashSet<int>();
        foreach (var path in AllSorted())
        {
            if (chosen.Count == k)
            {
                break;
            }
            if (path.Actors.Skip(1).Any(brokers.Contains) || directs.Contains((path.Actors[0], path.Actors[1]))
                || (distinctTargets && targets.Contains(path.Actors[^1])))
            {
                continue;
            }
            chosen.Add(path);
            brokers.UnionWith(path.Actors[1..^1]);
            targets.Add(path.Actors[^1]);
            if (path.Relationships.Length == 1)
            {
                directs.Add((path.Actors[0], path.Actors[1]));
            }
        }
        return chosen;
    }

    private void Walk(int v, long cost, List<int> actors, List<int> relationships, List<Path> paths)
    {
        if (relationships.Count > 0 && IsTarget(v))
        {
            paths.Add(new Path([.. actors], [.. relationships], cost));
        }
        if (relationships.Count == query.MaxHops)
        {
            return;
        }
        for (var w = 0; w < graph.ActorCount; w++)
        {
            if (actors.Contains(w) || query.From.Contains(w) || query.Avoid.Contains(w))
            {
                continue;
            }
            var (relationship, hopCost) = BestTie(v, w);
            if (relationship < 0)
            {
                continue;
            }
            actors.Add(w);
            relationships.Add(relationship);
            Walk(w, cost + hopCost, actors, relationships, paths);
            actors.RemoveAt(actors.Count - 1);
            relationships.RemoveAt(relationships.Count - 1);
        }
    }

    private bool IsTarget(int v) => !query.From.Contains(v) && query.Targets.Contains(v);

    private (int Relationship, long Cost) BestTie(int v, int w)
    {
        var best = (-1, long.MaxValue);
        for (var e = 0; e < graph.RelationshipCount; e++)
        {
            var r = graph.RelationshipAt(e);
            var a = graph.IndexOf(r.Source);
            var b = graph.IndexOf(r.Target);
            if (!((a == v && b == w) || (a == w && b == v)) || !Usable(r))
            {
                continue;
            }
            var cost = HopCost(e, r);
            if (cost < best.Item2)
            {
                best = (e, cost);
            }
        }
        return best;
    }

    private bool Usable(Relationship r) =>
        (query.Types is null || query.Types.Contains(r.Type))
        && (query.AsOf is not { } day || r.IsValidOn(day));

    private long HopCost(int e, Relationship r)
    {
        // The public cost rule, applied hop by hop from the records (the searches apply it through precomputed and packed forms).
        var cost = HopCosts.CostOf(graph.BaseStrength(e));
        var reference = query.AsOf ?? query.Today;
        if (query.HalfLife is { } halfLife && r.Since is { } since && reference > since.Start)
        {
            cost += HopCosts.DecayPerDay(halfLife) * (reference.DayNumber - since.Start.DayNumber);
        }
        return HopCosts.Quantise(cost);
    }

    private static int Compare(Path x, Path y)
    {
        var c = x.Cost.CompareTo(y.Cost);
        if (c == 0)
        {
            c = x.Relationships.Length.CompareTo(y.Relationships.Length);
        }
        if (c == 0)
        {
            c = x.Actors.AsSpan().SequenceCompareTo(y.Actors);
        }
        return c != 0 ? c : x.Relationships.AsSpan().SequenceCompareTo(y.Relationships);
    }
}

internal sealed record ReferenceQuery(
    HashSet<int> From, HashSet<int> Targets, HashSet<int> Avoid, int MaxHops, HashSet<string>? Types, DateOnly? AsOf, DateOnly Today, double? HalfLife);
