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
        var checker = new BatchChecker(knownActorIds, actorsOrigin);
        for (var i = 0; i < actors.Count; i++)
        {
            checker.AddActor(actors[i].Id, i, problems);
        }
        for (var i = 0; i < relationships.Count; i++)
        {
            checker.AddRelationship(relationships[i], i, problems);
        }
        return problems;
    }
}

/// <summary>
/// The batch rules applied one item at a time, all actors before any relationship, so a streamed import checks each
/// row as it reads it while holding only the ids seen so far (and where each was first seen), not the rows.
/// </summary>
public sealed class BatchChecker(Func<string, bool>? knownActorIds, string actorsOrigin)
{
    private readonly Dictionary<string, int> _actorIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _relationshipIds = new(StringComparer.Ordinal);

    /// <summary>
    /// False when ends cannot be judged (some actor rows could not be read, so any end might be one of them): then
    /// no end is reported missing.
    /// </summary>
    public bool JudgesEnds { get; set; } = true;

    /// <param name="index">Where the item is, in the caller's terms (a list position, a line).</param>
    public void AddActor(string id, int index, List<BatchProblem> problems)
    {
        if (!_actorIds.TryAdd(id, index))
        {
            problems.Add(new BatchProblem(BatchPart.Actors, index, "id", $"duplicate id '{id}'", _actorIds[id]));
        }
    }

    public void AddRelationship(Relationship relationship, int index, List<BatchProblem> problems)
    {
        if (!_relationshipIds.TryAdd(relationship.Id, index))
        {
            problems.Add(new BatchProblem(BatchPart.Relationships, index, "id", $"duplicate id '{relationship.Id}'", _relationshipIds[relationship.Id]));
        }
        CheckEnd("source", relationship.Source, index, problems);
        CheckEnd("target", relationship.Target, index, problems);
    }

    private void CheckEnd(string field, string end, int index, List<BatchProblem> problems)
    {
        if (JudgesEnds && Ids.IsValid(end) && !_actorIds.ContainsKey(end) && !(knownActorIds?.Invoke(end) ?? false))
        {
            problems.Add(new BatchProblem(BatchPart.Relationships, index, field, $"no actor '{end}' in {actorsOrigin} or the store"));
        }
    }
}
