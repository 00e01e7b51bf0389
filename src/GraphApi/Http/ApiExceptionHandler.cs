using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GraphApi.Http;

/// <summary>
/// Turns the domain's and the store's exceptions into RFC 9457 problems, so handlers stay short and every
/// error has the same shape. Unknown exceptions stay 500s (logged by the framework), never swallowed.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ApiProblems.InvalidTitle,
                Detail = "One or more fields break the rules; see errors.",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge,
                ApiProblems.TooLargeTitle, "The request body is larger than this operation accepts (Limits:MaxRequestBodyBytes)."),
            // The request check (StrictInputMiddleware) refuses malformed input before binding; what still reaches the
            // binder is said in our words, never the framework's (which name .NET types and parameters).
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } when UnpairedSurrogates.Describe(json) is { } text =>
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { [UnpairedSurrogates.FieldOf(text.Path)] = [text.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = ApiProblems.InvalidTitle,
                    Detail = "One or more fields break the rules; see errors.",
                },
            BadHttpRequestException bad when UnreadableInput.Describe(httpContext, bad) is { } fields => new HttpValidationProblemDetails(fields.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ApiProblems.InvalidTitle,
                Detail = "One or more fields break the rules; see errors.",
            },
            BadHttpRequestException bad => new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } path } ? path.TrimStart('$', '.') : "body"] =
                    [bad.InnerException is System.Text.Json.JsonException json ? JsonReason(json) : "could not be read as this operation's input"],
            })
            {
                Status = bad.StatusCode,
                Title = ApiProblems.InvalidTitle,
                Detail = "One or more fields break the rules; see errors.",
            },
            NotFoundException missing => Problem(StatusCodes.Status404NotFound, "Not found", missing.Message),
            GoneException gone => Problem(StatusCodes.Status410Gone, "Gone", gone.Message),
            IProblemSource own => own.Problem,
            ImportLimitException tooMany => Problem(StatusCodes.Status413PayloadTooLarge, ApiProblems.TooLargeTitle, $"{tooMany.Message} (Import:MaxRows)."),
            StoreNotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
            StoreConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message),
            StorePreconditionException stale => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message),
            StoreReferenceException dangling => Problem(StatusCodes.Status400BadRequest, "Dangling reference", dangling.Message),
            StoreUnavailableException down => Problem(StatusCodes.Status503ServiceUnavailable, "The store is unavailable", down.Message),
            SnapshotBehindException behind => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is catching up with its store",
                Detail = behind.Message,
                Extensions = { ["committed"] = behind.Committed },
            },
            AnalysisBudgetExceededException over => Problem(StatusCodes.Status503ServiceUnavailable, "The analysis ran out of time", $"{over.Message} {over.Advice}"),
            AnalysesBusyException busy => Problem(StatusCodes.Status503ServiceUnavailable, "Too many analyses at once", busy.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is StoreUnavailableException or SnapshotBehindException)
        {
            httpContext.Response.Headers.RetryAfter = exception is SnapshotBehindException behindStore
                ? behindStore.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : "5";
        }
        if (exception is AnalysesBusyException { RetryAfter: var retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    // Our converters throw messages in the caller's words ("expected a date …"); the serializer appends where it was.
    private static string JsonReason(System.Text.Json.JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 && !message.Contains("System.", StringComparison.Ordinal) ? message[..cut] : "has a value of the wrong kind for this field";
    }
}
