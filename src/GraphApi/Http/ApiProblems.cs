using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Http;

/// <summary>Problems built in more than one place, so each has one wording.</summary>
public static class ApiProblems
{
    /// <summary>The title of every 413, whether the body cap, the server or an import limit refused it.</summary>
    public const string TooLargeTitle = "The request is too large";

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The one wording of "these actors do not exist": <c>no actor 'a', 'b'</c>.</summary>
    public static ProblemHttpResult NoSuchActors(IEnumerable<string> ids) =>
        NotFound($"no actor {string.Join(", ", ids.Select(id => $"'{id}'"))}");
}
