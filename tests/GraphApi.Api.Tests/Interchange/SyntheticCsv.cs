using System.Globalization;
using System.Text;

namespace GraphApi.Api.Tests.Interchange;

/// <summary>
/// A seeded synthetic network in the seed CSV format: EU and KR actors of several kinds, each with a few ties of
/// mixed types to random others. The same generator shape as tests/perf/synthetic_csv.py, for in-suite sizes.
/// </summary>
public static class SyntheticCsv
{
    private static readonly string[] Kinds = ["Cluster", "MiniCluster", "Company", "University", "Agency"];
    private static readonly string[] Countries = ["FR", "DE", "ES", "KR", "KR", "IT"];
    private static readonly string[] Types = ["MOU", "PARTNER_OF", "MEMBER_OF", "MET_AT", "SUPPORTS"];

    public static (string Actors, string Relationships) Generate(int actorCount, int relationshipsPerActor, int seed)
    {
        var random = new Random(seed);
        var actors = new StringBuilder("id,name,aliases,kind,country,city,sectors,website,description,sources\n");
        for (var i = 0; i < actorCount; i++)
        {
            actors.Append(CultureInfo.InvariantCulture, $"actor-{i},Actor {i},A{i}|액터 {i},{Kinds[i % Kinds.Length]},{Countries[i % Countries.Length]},,sector-{i % 7},,,synthetic\n");
        }
        var relationships = new StringBuilder("id,source,target,type,since,until,strength,eventName,eventDate,eventPlace,note,evidenceDocument,evidenceSection,evidenceQuote,inferred\n");
        var id = 0;
        for (var i = 0; i < actorCount; i++)
        {
            for (var k = 0; k < relationshipsPerActor; k++)
            {
                var target = (i + 1 + random.Next(actorCount - 1)) % actorCount;
                relationships.Append(CultureInfo.InvariantCulture,
                    $"tie-{id++},actor-{i},actor-{target},{Types[random.Next(Types.Length)]},{2010 + random.Next(15)},,,,,,,synthetic,,,false\n");
            }
        }
        return (actors.ToString(), relationships.ToString());
    }
}
