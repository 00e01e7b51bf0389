using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Actors;

/// <summary>
/// What a missing actor id answers: 301 to where a merge took it, 410 if that actor is gone too, else 404. Redirects
/// live in the store; when it cannot be read (a full disk, Neo4j down) the answer is still the snapshot's 404, saying
/// that a merge could not be checked, because reads are served from the snapshot whatever the store's state.
/// </summary>
public static class ActorRedirects
{
    /// <exception cref="NotFoundException">The id was never an actor's, or whether it was merged cannot be checked.</exception>
    /// <exception cref="GoneException">The id was merged into an actor since deleted.</exception>
    /// <param name="view">The caller's view: a redirect to an actor they cannot see answers as if it were gone.</param>
    public static async Task<RedirectHttpResult> RedirectAsync(GraphService graph, GraphSnapshot view, ILogger logger, string id, CancellationToken cancellationToken)
    {
        ActorRedirect? redirect;
        try
        {
            redirect = await graph.FindRedirectAsync(id, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Could not look up a merge redirect for actor {ActorId}; answering 404 from the snapshot", id);
            throw new NotFoundException($"no actor '{id}' (whether it was merged into another could not be checked: {ex.Message})");
        }
        if (redirect is null)
        {
            throw NotFoundException.NoSuchActors([id]);
        }
        if (view.FindActor(redirect.To) is null)
        {
            throw new GoneException($"actor '{id}' was merged into '{redirect.To}', which no longer exists");
        }
        return TypedResults.Redirect($"/api/actors/{redirect.To}", permanent: true);
    }
}
