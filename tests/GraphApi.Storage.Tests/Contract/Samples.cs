using GraphApi.Core.Domain;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>Tiny hand-built records with every field set, so a round trip shows what a store drops.</summary>
internal static class Samples
{
    public static Actor Actor(string id, string kind = "Cluster", string country = "FR") => new()
    {
        Id = id,
        Name = $"Name of {id}",
        Kind = kind,
        Country = country,
    };

    public static Actor FullActor(string id) => new()
    {
        Id = id,
        Name = "Korea Industrial Complex Corp.",
        Aliases = ["KICOX", "한국산업단지공단"],
        Kind = "Agency",
        Country = "KR",
        Sectors = ["cluster-policy", "manufacturing"],
        City = "Daegu",
        Website = "http://www.kicox.or.kr/",
        Description = "Manages the Mini Clusters; \"quoted\", multi-line\nsecond line.",
        Sources = ["report §2.1", "report Annex 2"],
        Contact = new ContactDetails("desk@example.org", "+82 00 000 0000"),
    };

    public static Relationship Relationship(string id, string source, string target, string type = "MOU") => new()
    {
        Id = id,
        Source = source,
        Target = target,
        Type = type,
    };

    public static Relationship FullRelationship(string id, string source, string target) => new()
    {
        Id = id,
        Source = source,
        Target = target,
        Type = "MET_AT",
        Since = new PartialDate(2015, 5),
        Until = new PartialDate(2019),
        Strength = 0.35,
        Event = new EventInfo("18th TCI Global Conference", new PartialDate(2015, 10, 21), "Daegu"),
        Note = "Met at the conference.",
        Evidence = new Evidence("EU-South Korea cluster cooperation report", "§3.3", "the 18th TCI Global Conference"),
        Inferred = true,
    };
}
