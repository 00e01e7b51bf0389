using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>Small hand-built graphs and seeded random ones for the analysis tests.</summary>
internal static class TestGraphs
{
    private static readonly string[] Countries = ["FR", "KR", "DE", "US"];
    private static readonly string[] Sectors = ["water", "energy", "health"];

    public static Actor Actor(string id, string country = "FR", string kind = "Cluster", params string[] sectors) => new()
    {
        Id = id,
        Name = id.ToUpperInvariant(),
        Kind = kind,
        Country = country,
        Region = Regions.Default.Of(country),
        Sectors = sectors,
    };

    public static Relationship Tie(string source, string target, string type = "MOU", double? strength = null) => new()
    {
        Id = $"{source}-{type.ToLowerInvariant()}-{target}-{strength}",
        Source = source,
        Target = target,
        Type = type,
        Strength = strength,
    };

    public static GraphSnapshot Build(IEnumerable<Actor> actors, IEnumerable<Relationship> ties) =>
        GraphSnapshot.Build(actors, ties, 1, RelationshipTypeCatalogue.Default);

    /// <summary>
    /// n actors ("a000"…, so id order is number order) in random countries and sectors, and m random relationships of
    /// random catalogue types — parallel relationships included, self-ties left out as the domain forbids them.
    /// </summary>
    public static GraphSnapshot Random(int n, int m, int seed)
    {
        var random = new Random(seed);
        var actors = Enumerable.Range(0, n).Select(i => Actor($"a{i:000}", Countries[random.Next(Countries.Length)], "Cluster",
            [.. Sectors.Where(_ => random.Next(3) == 0)])).ToList();
        var types = RelationshipTypeCatalogue.Default.All;
        var ties = new List<Relationship>();
        while (ties.Count < m)
        {
            var s = random.Next(n);
            var t = random.Next(n);
            if (s != t)
            {
                ties.Add(Tie(actors[s].Id, actors[t].Id, types[random.Next(types.Count)].Name) with { Id = $"r{ties.Count:0000}" });
            }
        }
        return Build(actors, ties);
    }

    public static IEnumerable<object[]> Seeds(int count) => Enumerable.Range(1, count).Select(s => new object[] { s });
}
