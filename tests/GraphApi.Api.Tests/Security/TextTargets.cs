using GraphApi.Core.Domain;
using GraphApi.Introductions;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// Every text field the API stores, with the kind and cap the domain declares for it (read from the same declarations
/// the checks use), placed in an otherwise valid body. The graph they write into holds actors <c>base-a</c> and
/// <c>base-b</c> and the tie <c>base-tie</c> between them.
/// </summary>
public static class TextTargets
{
    public const string ActorA = "base-a";
    public const string ActorB = "base-b";
    public const string Tie = "base-tie";

    public static IReadOnlyList<TextTarget> Actor { get; } =
    [
        Target(ActorRules.Name, "name", (id, v) => $$"""{"id":"{{id}}","name":{{v}},"kind":"Company","country":"FR"}"""),
        Target(ActorRules.Aliases, "aliases[0]", (id, v) => PlainActor(id, $"\"aliases\":[{v}]")),
        Target(ActorRules.Sectors, "sectors[0]", (id, v) => PlainActor(id, $"\"sectors\":[{v}]")),
        Target(ActorRules.City, "city", (id, v) => PlainActor(id, $"\"city\":{v}")),
        Target(ActorRules.Website, "website", (id, v) => PlainActor(id, $"\"website\":{v}"), v => "https://example.org/" + v),
        Target(ActorRules.Description, "description", (id, v) => PlainActor(id, $"\"description\":{v}")),
        Target(ActorRules.Sources, "sources[0]", (id, v) => PlainActor(id, $"\"sources\":[{v}]")),
        Target(ActorRules.Email, "contact.email", (id, v) => PlainActor(id, $"\"contact\":{{\"email\":{v}}}"), v => v + "@example.org"),
        Target(ActorRules.Phone, "contact.phone", (id, v) => PlainActor(id, $"\"contact\":{{\"phone\":{v}}}")),
    ];

    public static IReadOnlyList<TextTarget> Relationship { get; } =
    [
        Target(RelationshipRules.Note, "note", (id, v) => PlainTie(id, $"\"note\":{v}")),
        Target(RelationshipRules.EvidenceDocument, "evidence.document", (id, v) => PlainTie(id, $"\"evidence\":{{\"document\":{v}}}")),
        Target(RelationshipRules.EvidenceSection, "evidence.section", (id, v) => PlainTie(id, $"\"evidence\":{{\"section\":{v}}}")),
        Target(RelationshipRules.EvidenceQuote, "evidence.quote", (id, v) => PlainTie(id, $"\"evidence\":{{\"quote\":{v}}}")),
        Target(RelationshipRules.EventName, "event.name", (id, v) => PlainTie(id, $"\"event\":{{\"name\":{v}}}")),
        Target(RelationshipRules.EventPlace, "event.place", (id, v) => PlainTie(id, $"\"event\":{{\"place\":{v}}}")),
    ];

    /// <summary>The ledger's note on an ask (its body), and the evidence of an event (the body of POST …/events).</summary>
    public static TextTarget AskNote { get; } = Target(IntroductionInputReader.Note, "note",
        (_, v) => $$"""{"requester":"{{ActorA}}","target":"{{ActorB}}","route":{"path":["{{ActorA}}","{{ActorB}}"],"relationships":["{{Tie}}"]},"note":{{v}}}""");

    public static TextTarget EventEvidence { get; } = Target(IntroductionInputReader.Evidence, "evidence",
        (_, v) => $$"""{"type":"forwarded","step":1,"evidence":{{v}}}""");

    public static string PlainActor(string id, string extra = "") =>
        $$"""{"id":"{{id}}","name":"Plain {{id}}","kind":"Company","country":"FR"{{(extra.Length > 0 ? "," + extra : "")}}}""";

    public static string PlainTie(string id, string extra = "") =>
        $$"""{"id":"{{id}}","source":"{{ActorA}}","target":"{{ActorB}}","type":"PARTNER_OF"{{(extra.Length > 0 ? "," + extra : "")}}}""";

    private static TextTarget Target(TextField field, string path, Func<string, string, string> body, Func<string, string>? wrap = null) =>
        new(path, field.Kind, field.MaxLength, field.Required, wrap ?? (v => v), body);
}
