using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.TestSupport;

public sealed record SyntheticNetworkOptions
{
    public int Actors { get; init; } = 10_000;

    /// <summary>Relationships each new actor brings; the network ends with about Actors × this many.</summary>
    public int RelationshipsPerActor { get; init; } = 5;

    /// <summary>Chance that a new tie stays inside the actor's own group (EU, KR, US, CN).</summary>
    public double SameGroupBias { get; init; } = 0.7;

    public int Seed { get; init; } = 42;
}

/// <summary>
/// A seeded, reproducible stand-in for a large cooperation network, for benchmarks and scale tests: four groups
/// (EU, KR, US, CN), heavy-tailed degrees from preferential attachment (a new actor ties to others in proportion
/// to their degree, mostly inside its own group), the catalogue's types in realistic proportions, some strength
/// overrides, and dated ties (some ended). The same options always give the same network.
/// </summary>
public sealed partial record SyntheticNetwork(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships)
{
    public static readonly IReadOnlyList<string> Groups = ["EU", "KR", "US", "CN"];

    private static readonly double[] GroupShare = [0.40, 0.25, 0.20, 0.15];
    private static readonly string[] EuCountries = ["FR", "DE", "ES", "IT", "NL", "BE", "SE", "FI", "AT", "PL"];
    private static readonly string[] Sectors = ["water", "energy", "ict", "health", "food", "mobility", "materials", "textiles", "aerospace", "creative-industries"];
    private static readonly string[] Kinds = ["Company", "Company", "Company", "Cluster", "Cluster", "University", "ResearchInstitute", "Agency", "City", "Association"];
    private static readonly (string Type, double Weight)[] Types =
    [
        ("PARTNER_OF", 0.20), ("MEMBER_OF", 0.20), ("MET_AT", 0.20), ("MOU", 0.15), ("SUPPORTS", 0.10),
        ("CO_ORGANISED", 0.05), ("BOARD_MEMBER_OF", 0.04), ("MANAGES", 0.03), ("LOCATED_IN", 0.03),
    ];

    /// <summary>Regions for the four groups, so region filters and analyses see EU / KR / US / CN.</summary>
    public static Regions Regions { get; } = new(new Dictionary<string, IReadOnlyList<string>> { ["US"] = ["US"], ["CN"] = ["CN"] });

    public static SyntheticNetwork Generate(SyntheticNetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Actors, 2);
        var random = new Random(options.Seed);
        var actors = new Actor[options.Actors];
        var groupOf = new int[options.Actors];
        for (var i = 0; i < actors.Length; i++)
        {
            groupOf[i] = PickGroup(random);
            actors[i] = MakeActor(i, groupOf[i], random);
        }
        return new SyntheticNetwork(actors, Attach(options, groupOf, random));
    }

    public GraphSnapshot ToSnapshot(long version = 1) => GraphSnapshot.Build(Actors, Relationships, version, RelationshipTypeCatalogue.Default);

    public static string ActorId(int index) => "a" + index.ToString("D7", CultureInfo.InvariantCulture);

    private static List<Relationship> Attach(SyntheticNetworkOptions options, int[] groupOf, Random random)
    {
        var relationships = new List<Relationship>(options.Actors * options.RelationshipsPerActor);
        // Each tie end is listed once, so a uniform pick from these lists is a degree-proportional pick of an actor.
        var ends = new List<int>(options.Actors * options.RelationshipsPerActor * 2);
        var groupEnds = Groups.Select(_ => new List<int>()).ToArray();
        for (var v = 1; v < groupOf.Length; v++)
        {
            var ties = Math.Min(v, options.RelationshipsPerActor);
            for (var t = 0; t < ties; t++)
            {
                var own = groupEnds[groupOf[v]];
                var pool = random.NextDouble() < options.SameGroupBias && own.Count > 0 ? own : ends;
                var u = pool.Count == 0 || random.NextDouble() < 0.1 ? random.Next(v) : pool[random.Next(pool.Count)];
                if (u == v)
                {
                    continue;
                }
                relationships.Add(MakeRelationship(relationships.Count, v, u, random));
                ends.Add(u);
                ends.Add(v);
                groupEnds[groupOf[u]].Add(u);
                groupEnds[groupOf[v]].Add(v);
            }
        }
        return relationships;
    }

    private static int PickGroup(Random random)
    {
        var x = random.NextDouble();
        for (var g = 0; g < GroupShare.Length - 1; g++)
        {
            if ((x -= GroupShare[g]) < 0)
            {
                return g;
            }
        }
        return GroupShare.Length - 1;
    }

    private static Actor MakeActor(int index, int group, Random random)
    {
        var country = Groups[group] == "EU" ? EuCountries[random.Next(EuCountries.Length)] : Groups[group];
        var kind = Groups[group] == "KR" && random.NextDouble() < 0.3 ? "MiniCluster" : Kinds[random.Next(Kinds.Length)];
        var first = Sectors[random.Next(Sectors.Length)];
        var second = Sectors[random.Next(Sectors.Length)];
        return new Actor
        {
            Id = ActorId(index),
            Name = $"Synthetic {kind} {index}",
            Kind = kind,
            Country = country,
            Region = Groups[group],
            Sectors = first == second ? [first] : [first, second],
        };
    }

    private static Relationship MakeRelationship(int index, int source, int target, Random random)
    {
        PartialDate? since = random.NextDouble() < 0.8
            ? random.NextDouble() < 0.3 ? new PartialDate(2000 + random.Next(25), 1 + random.Next(12)) : new PartialDate(2000 + random.Next(25))
            : null;
        PartialDate? until = since is { } start && random.NextDouble() < 0.1 ? new PartialDate(Math.Min(9999, start.Year + 1 + random.Next(8))) : null;
        return new Relationship
        {
            Id = "r" + index.ToString("D8", CultureInfo.InvariantCulture),
            Source = ActorId(source),
            Target = ActorId(target),
            Type = PickType(random),
            Strength = random.NextDouble() < 0.2 ? Math.Round(0.2 + (0.8 * random.NextDouble()), 2) : null,
            Since = since,
            Until = until,
        };
    }

    private static string PickType(Random random)
    {
        var x = random.NextDouble();
        foreach (var (type, weight) in Types)
        {
            if ((x -= weight) < 0)
            {
                return type;
            }
        }
        return Types[^1].Type;
    }
}
