using GraphApi.Core.Graph;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Actors;

/// <summary>What a missing actor id answers: 301 to where a merge took it, 410 if that actor is gone too, else 404.</summary>
public static class ActorRedirects
{
    public static async Task<Results<Ok<Core.Domain.Actor>, RedirectHttpResult, ProblemHttpResult>> AnswerAsync(
        GraphService graph, string id, CancellationToken cancellationToken)
    {
        if (await graph.FindRedirectAsync(id, cancellationToken) is not { } redirect)
        {
            return ApiProblems.NoSuchActors([id]);
        }
        if (graph.Snapshot.FindActor(redirect.To) is null)
        {
            return TypedResults.Problem($"actor '{id}' was merged into '{redirect.To}', which no longer exists",
                statusCode: StatusCodes.Status410Gone, title: "Gone");
        }
        return TypedResults.Redirect($"/api/actors/{redirect.To}", permanent: true);
    }
}
