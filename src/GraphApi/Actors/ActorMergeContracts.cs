using GraphApi.Core.Domain;

namespace GraphApi.Actors;

/// <summary>
/// Merge the actor of the URL into <c>into</c>. <c>duplicateTies</c>: <c>keep</c> (default) or <c>collapse</c>;
/// <c>dryRun</c>: plan and answer, change nothing. Optional at the JSON level so each mistake is its own 400 field.
/// </summary>
public sealed record ActorMergeRequest(string? Into, bool? DryRun, string? DuplicateTies);

/// <summary>
/// What the merge did (or, with <c>dryRun</c>, would do): the target actor afterwards, the re-pointed relationships
/// with their new ends, the duplicate groups (kept, or collapsed into <c>kept</c>), the self-loops dropped, every
/// relationship removed, and the store version holding it (for a dry run, the version it was planned on).
/// </summary>
public sealed record ActorMergeResponse(
    string Merged,
    string Into,
    bool DryRun,
    string DuplicateTies,
    Actor Actor,
    IReadOnlyList<RepointedTieView> Repointed,
    IReadOnlyList<DuplicateTieGroup> Duplicates,
    IReadOnlyList<string> SelfLoops,
    IReadOnlyList<string> RemovedRelationshipIds,
    long Version);

public sealed record RepointedTieView(string Id, string Type, string Source, string Target);
