using System.Globalization;
using System.Text;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// One plain-language line per route, e.g. "Pôle Eau → KICOX: signed an MoU (2016) → Gumi mini cluster: KICOX
/// manages it". Each hop says how the actor it reaches is tied to the one before, in the tie's stored direction.
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
            var to = graph.ActorAt(route.Actors[i + 1]);
            var relationship = graph.RelationshipAt(route.Relationships[i]);
            var forward = relationship.Source == from.Id;
            line.Append(" → ").Append(to.Name).Append(": ").Append(Describe(relationship, forward, from.Name));
        }
        return line.ToString();
    }

    /// <summary>How the actor reached relates to <paramref name="fromName"/>; <paramref name="forward"/> when travel follows the stored direction.</summary>
    public static string Describe(Relationship relationship, bool forward, string fromName)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var phrase = relationship.Type switch
        {
            "MOU" => "signed an MoU",
            "PARTNER_OF" => "partners with " + fromName,
            "CO_ORGANISED" => "co-organised " + (relationship.Event?.Name ?? "an event"),
            "MET_AT" => $"met {fromName} at {relationship.Event?.Name ?? "an event"}",
            "MANAGES" => forward ? $"{fromName} manages it" : $"manages {fromName}",
            "BOARD_MEMBER_OF" => forward ? $"{fromName} sits on its board" : $"sits on the board of {fromName}",
            "MEMBER_OF" => forward ? $"{fromName} is a member" : $"is a member of {fromName}",
            "SUPPORTS" => forward ? $"supported by {fromName}" : $"supports {fromName}",
            "LOCATED_IN" => forward ? $"where {fromName} is located" : $"located in {fromName}",
            _ => forward ? $"{relationship.Type} from {fromName}" : $"{relationship.Type} to {fromName}",
        };
        var when = relationship.Event?.Date ?? relationship.Since;
        var text = when is { } date ? $"{phrase} ({date.Year.ToString(CultureInfo.InvariantCulture)})" : phrase;
        return relationship.Inferred ? text + " (inferred)" : text;
    }
}
