using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

public sealed partial class GraphSnapshot
{
    /// <summary>
    /// The graph as of <paramref name="day"/>: every actor, in the same slots, and only the relationships in force
    /// that day (<see cref="RelationshipFields.IsInForceOn"/>, the rule routes' asOf uses too). A compact snapshot at
    /// the same version, so any analysis runs on it unchanged and its results index actors as on the whole graph.
    /// Actors carry no dates: an actor whose ties have not begun yet is an isolate, not absent.
    /// </summary>
    public GraphSnapshot InForceOn(DateOnly day)
    {
        var whole = Compacted();
        var kept = InForceSlots(whole._base, day.DayNumber);
        return kept.Length == whole.RelationshipCount ? whole
            : whole.Derived(KeepRelationships(whole._base, kept), GraphDelta.Empty, Version);
    }

    private static int[] InForceSlots(GraphBase graphBase, int day)
    {
        var kept = new List<int>(graphBase.RelationshipCount);
        for (var e = 0; e < graphBase.RelationshipCount; e++)
        {
            if (graphBase.Fields[e].IsInForceOn(day))
            {
                kept.Add(e);
            }
        }
        return [.. kept];
    }

    /// <summary>A base sharing the actors' arrays, with the kept relationships renumbered densely (still in id order).</summary>
    private static GraphBase KeepRelationships(GraphBase graphBase, int[] kept)
    {
        var relationships = new Relationship[kept.Length];
        var fields = new RelationshipFields[kept.Length];
        var index = new Dictionary<string, int>(kept.Length, StringComparer.Ordinal);
        for (var e = 0; e < kept.Length; e++)
        {
            relationships[e] = graphBase.Relationships[kept[e]];
            fields[e] = graphBase.Fields[kept[e]];
            index.Add(relationships[e].Id, e);
        }
        var (offsets, targets, arcRelationships) = GraphBase.Adjacency(graphBase.ActorCount, fields);
        return new GraphBase(graphBase.Actors, graphBase.SearchText, graphBase.ActorIndex, relationships, fields, index, offsets, targets, arcRelationships);
    }
}
