using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>Where a merged actor's id now points, stored for good so old links keep working.</summary>
public sealed record ActorRedirect(string From, string To);

/// <summary>
/// Merging duplicate actors, a store capability of its own (both adapters implement it). A merge is one transaction:
/// plan with <see cref="ActorMergePlanner"/> from the store's own rows, re-point, drop self-loops (and collapsed
/// duplicates), join aliases and sources into the target, delete the merged actor, and record the redirect
/// (re-aiming older redirects to the merged actor, so chains never form).
/// </summary>
public interface IActorMerges
{
    /// <exception cref="StoreNotFoundException">Either actor does not exist.</exception>
    /// <exception cref="StorePreconditionException">The merged actor's revision is not the expected one.</exception>
    Task<ActorMerge> MergeActorAsync(StoreWrite.MergeActors merge, CancellationToken cancellationToken);

    /// <summary>The redirect left by a merge of the actor with this id, or null.</summary>
    Task<ActorRedirect?> FindRedirectAsync(string id, CancellationToken cancellationToken);
}
