using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.TestSupport;

/// <summary>
/// A small seeded network whose ties carry since / until dates at every precision (year, year-month, day), some
/// undated, some ended, some with a stated strength, and the reference as-of graph for any day: the records filtered
/// by hand with the in-force rule spelled out here (begun on or before the day, not ended before it). The as-of
/// tests of the analyses (in process) and of the API (imported through it) both work from it.
/// </summary>
public sealed record DatedNetwork(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Ties)
{
    private static readonly string[] Countries = ["FR", "DE", "KR", "KR", "US"];
    private static readonly string[] Sectors = ["water", "energy"];

    public GraphSnapshot Snapshot => Build(Ties);

    /// <summary>The reference: a snapshot built from only the ties begun on or before the day and not ended before it.</summary>
    public GraphSnapshot FilteredByHand(DateOnly day) => Build(Ties.Where(r =>
        (r.Since is null || r.Since.Value.Start <= day) && (r.Until is null || r.Until.Value.End >= day)));

    /// <summary>Random days around the ties' dates, and each date's first and last day with their neighbours.</summary>
    public IEnumerable<DateOnly> InterestingDays(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
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

    /// <summary><paramref name="actors"/> actors (<c>a000</c>…, so id order is number order) and <paramref name="ties"/> random dated ties of catalogue types.</summary>
    public static DatedNetwork Random(int actors, int ties, int seed)
    {
        var random = new Random(seed);
        var people = Enumerable.Range(0, actors).Select(i => new Actor
        {
            Id = $"a{i:000}",
            Name = $"A{i:000}",
            Kind = "Cluster",
            Country = Countries[random.Next(Countries.Length)],
            Sectors = [Sectors[random.Next(Sectors.Length)]],
        }).Select(a => a with { Region = Regions.Default.Of(a.Country) }).ToList();
        var types = RelationshipTypeCatalogue.Default.All;
        var relationships = new List<Relationship>();
        while (relationships.Count < ties)
        {
            var (s, t) = (random.Next(actors), random.Next(actors));
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
            relationships.Add(new Relationship
            {
                Id = $"r{relationships.Count:0000}", Source = people[s].Id, Target = people[t].Id, Type = types[random.Next(types.Count)].Name,
                Since = since, Until = until, Strength = random.Next(4) == 0 ? 0.2 + (0.05 * random.Next(16)) : null,
            });
        }
        return new DatedNetwork(people, relationships);
    }

    private GraphSnapshot Build(IEnumerable<Relationship> ties) => GraphSnapshot.Build(Actors, ties, 1, RelationshipTypeCatalogue.Default);

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
