using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

public enum BatchPart
{
    Actors,
    Relationships,
}

/// <summary>
/// A rule broken across items rather than within one. <see cref="Index"/> is the item's position in its list;
/// for a repeated id, <see cref="FirstIndex"/> is where the id first appeared, so the caller can say where in its own terms.
/// </summary>
public sealed record BatchProblem(BatchPart Part, int Index, string Field, string Message, int? FirstIndex = null);

/// <summary>
/// The checks every import format shares once each item is valid on its own: ids are unique within the batch, and
/// every relationship end is an actor of the batch or of the store. Upsert-by-id makes a repeated id ambiguous
/// (which row wins?), so it is an error rather than "last one wins".
/// </summary>
public static class BatchChecks
{
    public static List<BatchProblem> Check(
        IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, Func<string, bool>? knownActorIds, string actorsOrigin)
    {
        var problems = new List<BatchProblem>();
        var actorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
        {
            if (!actorIds.TryAdd(actors[i].Id, i))
            {
                problems.Add(new BatchProblem(BatchPart.Actors, i, "id", $"duplicate id '{actors[i].Id}'", actorIds[actors[i].Id]));
            }
        }
        var relationshipIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < relationships.Count; i++)
        {
            var relationship = relationships[i];
            if (!relationshipIds.TryAdd(relationship.Id, i))
            {
                problems.Add(new BatchProblem(BatchPart.Relationships, i, "id", $"duplicate id '{relationship.Id}'", relationshipIds[relationship.Id]));
            }
            foreach (var (field, end) in new[] { ("source", relationship.Source), ("target", relationship.Target) })
            {
                if (Ids.IsValid(end) && !actorIds.ContainsKey(end) && !(knownActorIds?.Invoke(end) ?? false))
                {
                    problems.Add(new BatchProblem(BatchPart.Relationships, i, field, $"no actor '{end}' in {actorsOrigin} or the store"));
                }
            }
        }
        return problems;
    }
}
