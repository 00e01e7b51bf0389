using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.TestSupport;

/// <summary>
/// The third shape, for communities: a planted partition, whose right answer is known. Used by the Leiden tests and
/// by the community benchmark that compares our modularity with igraph's on the same graphs.
/// </summary>
public sealed partial record SyntheticNetwork
{
    /// <summary>
    /// <paramref name="actors"/> actors (<c>actor-0000000</c>…) in <paramref name="groups"/> equal groups
    /// (<see cref="PlantedGroupOf"/>) and <paramref name="relationships"/> relationships: each one leaves the group
    /// with probability <paramref name="mixing"/> (both ends uniform), else joins two members of one uniform group.
    /// Parallel ties merge in the analyses' simple graph.
    /// </summary>
    public static GraphSnapshot PlantedPartition(int actors, int groups, int relationships, double mixing, int seed)
    {
        var random = new Random(seed);
        var people = Enumerable.Range(0, actors).Select(i => new Actor
        {
            Id = $"actor-{i:D7}",
            Name = $"actor-{i:D7}",
            Kind = "Cluster",
            Country = "FR",
            Region = "EU",
        }).ToList();
        var ties = new List<Relationship>(relationships);
        var perGroup = actors / groups;
        while (ties.Count < relationships)
        {
            var (u, v) = random.NextDouble() < mixing
                ? (random.Next(actors), random.Next(actors))
                : (random.Next(groups) is var g ? (g + groups * random.Next(perGroup), g + groups * random.Next(perGroup)) : default);
            if (u != v)
            {
                ties.Add(new Relationship { Id = $"rel-{ties.Count:D7}", Source = people[u].Id, Target = people[v].Id, Type = "MOU" });
            }
        }
        return GraphSnapshot.Build(people, ties, 1, RelationshipTypeCatalogue.Default);
    }

    /// <summary>The planted group of actor number <paramref name="actor"/>.</summary>
    public static int PlantedGroupOf(int actor, int groups) => actor % groups;
}
