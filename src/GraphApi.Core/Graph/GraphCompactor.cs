namespace GraphApi.Core.Graph;

/// <summary>
/// Folds a snapshot's delta into a fresh base: live actors and relationships renumbered densely in id order.
/// Each actor's arcs are already in (target id, relationship id) order and renumbering keeps that order, so the
/// arcs are copied, not sorted, and the result is the base a rebuild from the records would give.
/// </summary>
internal static class GraphCompactor
{
    public static GraphBase Compact(GraphSnapshot snapshot)
    {
        var actorOrder = snapshot.ActorSlotsInIdOrder();
        var actorNumber = new int[snapshot.ActorSlots];
        var actors = new Domain.Actor[actorOrder.Count];
        var searchText = new string[actorOrder.Count];
        var actorIndex = new Dictionary<string, int>(actorOrder.Count, StringComparer.Ordinal);
        for (var i = 0; i < actorOrder.Count; i++)
        {
            var slot = actorOrder[i];
            actorNumber[slot] = i;
            actors[i] = snapshot.ActorAt(slot);
            searchText[i] = snapshot.SearchTextAt(slot);
            actorIndex.Add(actors[i].Id, i);
        }

        var relationshipOrder = snapshot.RelationshipSlotsInIdOrder();
        var relationshipNumber = new int[snapshot.RelationshipSlots];
        var relationships = new Domain.Relationship[relationshipOrder.Count];
        var fields = new RelationshipFields[relationshipOrder.Count];
        var relationshipIndex = new Dictionary<string, int>(relationshipOrder.Count, StringComparer.Ordinal);
        for (var e = 0; e < relationshipOrder.Count; e++)
        {
            var slot = relationshipOrder[e];
            relationshipNumber[slot] = e;
            relationships[e] = snapshot.RelationshipAt(slot);
            var f = snapshot.Fields(slot);
            fields[e] = f.WithEnds(actorNumber[f.Source], actorNumber[f.Target]);
            relationshipIndex.Add(relationships[e].Id, e);
        }

        var offsets = new int[actors.Length + 1];
        for (var i = 0; i < actors.Length; i++)
        {
            offsets[i + 1] = offsets[i] + snapshot.Degree(actorOrder[i]);
        }
        var targets = new int[offsets[actors.Length]];
        var arcRelationships = new int[targets.Length];
        for (var i = 0; i < actors.Length; i++)
        {
            var arcs = snapshot.Arcs(actorOrder[i]);
            for (int a = 0, at = offsets[i]; a < arcs.Length; a++, at++)
            {
                targets[at] = actorNumber[arcs.Targets[a]];
                arcRelationships[at] = relationshipNumber[arcs.Relationships[a]];
            }
        }
        return new GraphBase(actors, searchText, actorIndex, relationships, fields, relationshipIndex, offsets, targets, arcRelationships);
    }
}
