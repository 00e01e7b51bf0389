using GraphApi.Http.Input;

namespace GraphApi.Actors;

/// <summary>Merge the actor of the URL into another one. Required: `into`.</summary>
/// <param name="Into">The id of the actor that stays: it takes over the merged actor's relationships, names and sources.</param>
/// <param name="DryRun">true: plan the merge and answer what it would do, changing nothing. Default false.</param>
/// <param name="DuplicateTies">What to do with relationships that end up with the same ends and type: `keep` them all (the default) or `collapse` each group to one (the one `into` already had, else the smallest id).</param>
public sealed record ActorMergeRequest(
    string? Into,
    bool? DryRun,
    [property: OneOf(ActorRegistration.DuplicateTies)] string? DuplicateTies);

/// <summary>What the merge did (or, with `dryRun`, would do).</summary>
/// <param name="Merged">The id merged away (it answers 301 to `into` from now on).</param>
/// <param name="Into">The id of the actor that stays.</param>
/// <param name="DryRun">Whether this only plans the merge (nothing changed).</param>
/// <param name="DuplicateTies">How duplicate relationships were handled: keep or collapse.</param>
/// <param name="Actor">The actor that stays, after the merge: the merged actor's name and aliases among its aliases, its sources added.</param>
/// <param name="Repointed">The merged actor's relationships, now ending at `into`.</param>
/// <param name="Duplicates">Groups of relationships with the same ends and type after re-pointing: kept, or collapsed into `kept`.</param>
/// <param name="SelfLoops">Ids of the ties between the two actors, dropped because they would join `into` to itself.</param>
/// <param name="RemovedRelationshipIds">Every relationship deleted: self-loops and collapsed duplicates.</param>
/// <param name="Version">The store version that holds the merge; for a dry run, the version it was planned on.</param>
public sealed record ActorMergeResponse(
    string Merged,
    string Into,
    bool DryRun,
    [property: OneOf(ActorRegistration.DuplicateTies)] string DuplicateTies,
    ActorView Actor,
    IReadOnlyList<RepointedTieView> Repointed,
    IReadOnlyList<DuplicateTieView> Duplicates,
    IReadOnlyList<string> SelfLoops,
    IReadOnlyList<string> RemovedRelationshipIds,
    long Version);

/// <summary>A relationship of the merged actor, re-pointed to the actor that stays.</summary>
/// <param name="Id">The relationship's id (unchanged).</param>
/// <param name="Type">Its type.</param>
/// <param name="Source">Its source after the merge.</param>
/// <param name="Target">Its target after the merge.</param>
public sealed record RepointedTieView(string Id, [property: OneOf(Sets.RelationshipType)] string Type, string Source, string Target);

/// <summary>Relationships of one type between the same two actors (in the same direction, for directed types) after the merge.</summary>
/// <param name="Type">Their type.</param>
/// <param name="Source">Their common source.</param>
/// <param name="Target">Their common target.</param>
/// <param name="Kept">The one a collapse keeps.</param>
/// <param name="Others">The rest: removed when collapsing, kept otherwise.</param>
public sealed record DuplicateTieView(
    [property: OneOf(Sets.RelationshipType)] string Type, string Source, string Target, string Kept, IReadOnlyList<string> Others);
