using System.Text.Json;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// The audit entry both stores write for a merge (entity actor, operation <c>merge</c>, before = the merged actor's
/// body), besides the entries of each update and delete it makes.
/// </summary>
public static class ActorMergeAudit
{
    /// <summary>The audit row's "after": what the merge did, in the API's words.</summary>
    public static string Summary(ActorMerge plan) => JsonSerializer.Serialize(new
    {
        into = plan.Into,
        repointed = plan.Repointed.Select(r => r.Id),
        duplicates = plan.Duplicates,
        selfLoops = plan.SelfLoops,
        removed = plan.RemovedRelationshipIds,
        collapsed = plan.Collapsed,
    }, SummaryOptions);

    private static readonly JsonSerializerOptions SummaryOptions = new(JsonSerializerDefaults.Web);
}
