using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// Seeded random graphs whose ties carry since / until dates at every precision (year, year-month, day), some
/// undated, some ended, and the reference as-of graph: the records filtered by hand with the rule spelled out here.
/// </summary>
internal static class DatedGraphs
{
    public sealed record Graph(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Ties)
    {
        public GraphSnapshot Snapshot => TestGraphs.Build(Actors, Ties);

        /// <summary>The reference: a snapshot built from only the ties begun on or before the day and not ended before it.</summary>
        public GraphSnapshot FilteredByHand(DateOnly day) => TestGraphs.Build(Actors, Ties.Where(r =>
            (r.Since is null || r.Since.Value.Start <= day) && (r.Until is null || r.Until.Value.End >= day)));

        /// <summary>Random days around the ties' dates, and each date's first and last day with their neighbours.</summary>
        public IEnumerable<DateOnly> InterestingDays(Random random, int count)
        {
            var edges = Ties.SelectMany(r => new[] { r.Since?.Start, r.Until?.End }).OfType<DateOnly>().ToList();
            for (var i = 0; i < count; i++)
            {
                var edge = edges.Count == 0 ? new DateOnly(2015, 6, 1) : edges[random.Next(edges.Count)];
                yield return (i % 3) switch
                {
                    0 => edge,
                    1 => edge.AddDays(random.Next(2) == 0 ? -1 : 1),
                    _ => new DateOnly(2008, 1, 1).AddDays(random.Next(15 * 365)),
                };
            }
        }
    }

    private static readonly string[] Countries = ["FR", "DE", "KR", "KR", "US"];
    private static readonly string[] Sectors = ["water", "energy"];

    public static Graph Random(int n, int m, int seed)
    {
        var random = new Random(seed);
        var actors = Enumerable.Range(0, n)
            .Select(i => TestGraphs.Actor($"a{i:000}", Countries[random.Next(Countries.Length)], "Cluster", Sectors[random.Next(Sectors.Length)]))
            .ToList();
        var types = RelationshipTypeCatalogue.Default.All;
        var ties = new List<Relationship>();
        while (ties.Count < m)
        {
            var (s, t) = (random.Next(n), random.Next(n));
            if (s == t)
            {
                continue;
            }
            var since = random.Next(4) == 0 ? (PartialDate?)null : RandomDate(random, 2010);
            var until = random.Next(3) == 0 ? RandomDate(random, since?.Year ?? 2010) : (PartialDate?)null;
            if (since is { } start && until is { } end && end.End < start.Start)
            {
                until = null;
            }
            ties.Add(new Relationship
            {
                Id = $"r{ties.Count:0000}", Source = actors[s].Id, Target = actors[t].Id, Type = types[random.Next(types.Count)].Name,
                Since = since, Until = until, Strength = random.Next(4) == 0 ? 0.2 + (0.05 * random.Next(16)) : null,
            });
        }
        return new Graph(actors, ties);
    }

    private static PartialDate RandomDate(Random random, int fromYear)
    {
        var year = fromYear + random.Next(8);
        return random.Next(3) switch
        {
            0 => new PartialDate(year),
            1 => new PartialDate(year, 1 + random.Next(12)),
            _ => new PartialDate(year, 1 + random.Next(12), 1 + random.Next(28)),
        };
    }
}
