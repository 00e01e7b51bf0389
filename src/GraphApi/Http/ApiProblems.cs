using GraphApi.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>The title of every 400 that lists broken fields.</summary>
    public const string InvalidTitle = "The input is not valid";

    /// <summary>Writes a 400 listing every broken field, the shape every validation failure has.</summary>
    public static Task WriteValidationAsync(HttpContext context, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return WriteAsync(context, new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = InvalidTitle,
            Detail = "One or more fields break the rules; see errors.",
        });
    }

    /// <summary>Writes a problem outside an endpoint (middleware): the same problem+json the handlers' results produce.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        WriteAsync(context, new ProblemDetails { Status = status, Title = title, Detail = detail });

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = problem.Status!.Value;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
