using System.Globalization;
using GraphApi.Core.Introductions;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// Asks and events ↔ node properties. Dates are ISO strings (yyyy-MM-dd; times round-trip "O") so they read the same
/// in Neo4j Browser and back here; event kinds are the API's names (forwarded, no-answer, …).
/// </summary>
internal static class Neo4jIntroductionMapping
{
    public static Dictionary<string, object?> Properties(Introduction ask)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = ask.Id,
            ["requester"] = ask.Requester,
            ["target"] = ask.Target,
            ["path"] = ask.Path.ToArray(),
            ["relationships"] = ask.Relationships.ToArray(),
            ["askedOn"] = ask.AskedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["recordedBy"] = ask.RecordedBy,
            ["recordedAt"] = ask.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (ask.Note is not null)
        {
            properties["note"] = ask.Note;
        }
        // Absent on a public ask, as on the asks stored before workspaces: both read as public.
        if (ask.Workspace is not null)
        {
            properties["workspace"] = ask.Workspace;
        }
        return properties;
    }

    public static Dictionary<string, object?> Properties(IntroductionEvent e)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sequence"] = (long)e.Sequence,
            ["kind"] = IntroductionNames.Of(e.Kind),
            ["date"] = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["recordedBy"] = e.RecordedBy,
            ["recordedAt"] = e.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (e.Step is { } step)
        {
            properties["step"] = (long)step;
        }
        if (e.Evidence is not null)
        {
            properties["evidence"] = e.Evidence;
        }
        return properties;
    }

    public static Introduction ToIntroduction(Neo4jNode node, IEnumerable<Neo4jNode> events)
    {
        var p = node.Properties;
        return new Introduction(
            Text(p, "id"), Text(p, "requester"), Text(p, "target"), Strings(p, "path"), Strings(p, "relationships"),
            p.GetValueOrDefault("note") as string, Day(Text(p, "askedOn")), Text(p, "recordedBy"), Time(Text(p, "recordedAt")),
            [.. events.Select(ToEvent).OrderBy(e => e.Sequence)]) { Workspace = p.GetValueOrDefault("workspace") as string };
    }

    private static IntroductionEvent ToEvent(Neo4jNode node)
    {
        var p = node.Properties;
        if (!IntroductionNames.TryParseEvent(Text(p, "kind"), out var kind))
        {
            throw new InvalidDataException($"an :IntroductionEvent has the unknown kind '{Text(p, "kind")}'");
        }
        return new IntroductionEvent(
            (int)Convert.ToInt64(p["sequence"], CultureInfo.InvariantCulture), kind,
            p.GetValueOrDefault("step") is { } step ? (int)Convert.ToInt64(step, CultureInfo.InvariantCulture) : null,
            Day(Text(p, "date")), p.GetValueOrDefault("evidence") as string, Text(p, "recordedBy"), Time(Text(p, "recordedAt")));
    }

    private static string Text(IReadOnlyDictionary<string, object?> p, string key) =>
        p.GetValueOrDefault(key) as string ?? throw new InvalidDataException($"a ledger node lacks '{key}'");

    private static string[] Strings(IReadOnlyDictionary<string, object?> p, string key) =>
        p.GetValueOrDefault(key) is IEnumerable<object?> list ? [.. list.OfType<string>()] : throw new InvalidDataException($"a ledger node lacks '{key}'");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);
}
