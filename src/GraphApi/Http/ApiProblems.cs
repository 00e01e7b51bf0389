using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Http;

public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The one wording of "these actors do not exist": <c>no actor 'a', 'b'</c>.</summary>
    public static ProblemHttpResult NoSuchActors(IEnumerable<string> ids) =>
        NotFound($"no actor {string.Join(", ", ids.Select(id => $"'{id}'"))}");
}
