using GraphApi.Core.Domain;
using GraphApi.Introductions;

namespace GraphApi.Http;

/// <summary>
/// The text rule as the OpenAPI document states it: <see cref="TextRule.Description"/> and which fields are of which kind,
/// listed from the same field declarations the checks use, so the document cannot drift from the code.
/// </summary>
public static class TextRuleDocs
{
    private static readonly (string Record, IReadOnlyList<TextField> Fields)[] Records =
    [
        ("actor", ActorRules.TextFields),
        ("relationship", RelationshipRules.TextFields),
        ("introduction", IntroductionInputReader.TextFields),
    ];

    public static string Markdown { get; } = Build();

    private static string Build()
    {
        var kinds = new[]
        {
            (TextKind.Identifying, "Identifying fields"),
            (TextKind.Line, "Other single-line fields"),
            (TextKind.MultiLine, "Multi-line fields"),
        };
        var lines = kinds.Select(k => $"* {k.Item2}: " + string.Join("; ", Records
            .Select(r => (r.Record, Names: r.Fields.Where(f => f.Kind == k.Item1).Select(f => $"`{f.Name}` (≤ {f.MaxLength})").ToList()))
            .Where(r => r.Names.Count > 0)
            .Select(r => $"{r.Record} {string.Join(", ", r.Names)}")));
        return TextRule.Description + "\n\n" + string.Join("\n", lines) +
            "\n* Search and filter values (`q` on /api/actors, every `sector` filter) are single-line text." +
            $"\n* List entries (aliases, sectors, sources) must not contain `{TextField.ListSeparator}`: every export joins lists with it.";
    }
}
