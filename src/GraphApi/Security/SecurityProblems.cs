using Microsoft.AspNetCore.Mvc;

namespace GraphApi.Security;

/// <summary>Writes the security layer's refusals (401, 403, 413, 429) as problem+json like every other error.</summary>
internal static class SecurityProblems
{
    /// <param name="tokenError">Why a bearer token was refused, for the Bearer challenge's error_description (RFC 6750).</param>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? tokenError = null)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = Challenges.For(context, tokenError);
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            // The framework fills `type` for the statuses it knows (401, 403); 429 is not one of them.
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = status == StatusCodes.Status429TooManyRequests ? "https://tools.ietf.org/html/rfc6585#section-4" : null },
        }).ConfigureAwait(false);
    }
}
