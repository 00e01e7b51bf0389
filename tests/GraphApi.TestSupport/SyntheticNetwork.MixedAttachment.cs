using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.TestSupport;

/// <summary>
/// The second shape, kept because the analysis figures in docs/performance.md were measured on it: actors spread
/// over EU countries, Korea and a few others with random kinds, relationships of every catalogue type, half of the
/// ties attached preferentially (to an end of an earlier tie) so that hubs appear as agencies and networks do (hubs
/// are what make brokerage and betweenness costly), the other half uniform. Exact tie counts, no dates.
/// </summary>
public sealed partial record SyntheticNetwork
{
    private static readonly string[] MixedCountries = ["FR", "DE", "ES", "IT", "BE", "NL", "KR", "KR", "KR", "US", "JP"];
    private static readonly string[] MixedSectors = ["water", "energy", "health", "ict", "mobility", "textile"];

    public static GraphSnapshot MixedAttachment(int actors, int relationships, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, actors).Select(i => $"actor-{i:D7}").ToArray();
        var people = ids.Select(id => new Actor
        {
            Id = id,
            Name = id,
            Kind = ActorKinds.All[random.Next(ActorKinds.All.Count)],
            Country = MixedCountries[random.Next(MixedCountries.Length)],
            Sectors = [MixedSectors[random.Next(MixedSectors.Length)]],
        }).Select(a => a with { Region = Regions.Default.Of(a.Country) }).ToList();
        var types = RelationshipTypeCatalogue.Default.All;
        var ends = new int[2 * relationships];
        var ties = new List<Relationship>(relationships);
        while (ties.Count < relationships)
        {
            var source = random.Next(actors);
            var target = ties.Count > 0 && random.Next(2) == 0 ? ends[random.Next(2 * ties.Count)] : random.Next(actors);
            if (source == target)
            {
                continue;
            }
            ends[2 * ties.Count] = source;
            ends[2 * ties.Count + 1] = target;
            ties.Add(new Relationship
            {
                Id = $"rel-{ties.Count:D7}",
                Source = ids[source],
                Target = ids[target],
                Type = types[random.Next(types.Count)].Name,
            });
        }
        return GraphSnapshot.Build(people, ties, 1, RelationshipTypeCatalogue.Default);
    }
}
