using System.Globalization;
using System.Text;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// One plain-language sentence per route, read in the direction of travel: each hop is said from the actor the ask
/// leaves to the one it reaches, whichever way the tie is stored, e.g. "Pôle Eau signed an MoU with KICOX (2016),
/// which manages Gumi mini cluster". A hop against a directed tie is turned around ("Keimyung University is located
/// in Daegu" travelled from Daegu reads "Daegu (city) is home to Keimyung University"); a person is "who".
/// </summary>
public static class RouteExplainer
{
    public static string Explain(GraphSnapshot graph, Route route)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(route);
        var line = new StringBuilder(graph.ActorAt(route.Source).Name);
        for (var i = 0; i < route.Hops; i++)
        {
            var from = graph.ActorAt(route.Actors[i]);
            AppendHop(line, i == 0, from, graph.ActorAt(route.Actors[i + 1]), graph.RelationshipAt(route.Relationships[i]));
        }
        return line.ToString();
    }

    /// <summary>
    /// A route opened by an assumed new tie (best next tie): "Pôle Eau would sign a new MOU with KICOX (assumed,
    /// strength 0.9), which manages …", then the continuation's hops from the candidate on.
    /// </summary>
    public static string ExplainWithNewTie(GraphSnapshot graph, Actor source, Actor candidate, string tieType, double tieStrength, Route? continuation)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(candidate);
        var line = new StringBuilder(source.Name)
            .Append(" would make a new ").Append(tieType).Append(" tie with ").Append(candidate.Name)
            .Append(" (assumed, strength ").Append(tieStrength.ToString("0.##", CultureInfo.InvariantCulture)).Append(')');
        for (var i = 0; continuation is not null && i < continuation.Hops; i++)
        {
            var from = graph.ActorAt(continuation.Actors[i]);
            AppendHop(line, false, from, graph.ActorAt(continuation.Actors[i + 1]), graph.RelationshipAt(continuation.Relationships[i]));
        }
        return line.ToString();
    }

    private static void AppendHop(StringBuilder line, bool first, Actor from, Actor to, Relationship relationship)
    {
        if (!first)
        {
            line.Append(", ").Append(from.Kind == "Person" ? "who " : "which ");
        }
        else
        {
            line.Append(' ');
        }
        line.Append(Describe(relationship, relationship.Source == from.Id, to.Name));
    }

    /// <summary>
    /// What the actor a hop leaves does towards <paramref name="toName"/>, the actor it reaches, with the tie's year and
    /// "(inferred)" when it was not stated; <paramref name="forward"/> when travel follows the stored direction.
    /// </summary>
    public static string Describe(Relationship relationship, bool forward, string toName)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var phrase = relationship.Type switch
        {
            "MOU" => $"signed an MoU with {toName}",
            "PARTNER_OF" => $"partners with {toName}",
            "CO_ORGANISED" => $"co-organised {relationship.Event?.Name ?? "an event"} with {toName}",
            "MET_AT" => $"met {toName} at {relationship.Event?.Name ?? "an event"}",
            "MANAGES" => forward ? $"manages {toName}" : $"is managed by {toName}",
            "BOARD_MEMBER_OF" => forward ? $"sits on the board of {toName}" : $"has {toName} on its board",
            "MEMBER_OF" => forward ? $"is a member of {toName}" : $"has {toName} as a member",
            "SUPPORTS" => forward ? $"supports {toName}" : $"is supported by {toName}",
            "LOCATED_IN" => forward ? $"is located in {toName}" : $"is home to {toName}",
            _ => forward ? $"has a {relationship.Type} tie to {toName}" : $"has a {relationship.Type} tie from {toName}",
        };
        var when = relationship.Event?.Date ?? relationship.Since;
        var text = when is { } date ? $"{phrase} ({date.Year.ToString(CultureInfo.InvariantCulture)})" : phrase;
        return relationship.Inferred ? text + " (inferred)" : text;
    }
}
