using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace GraphApi.Api.Tests.Contract;

/// <summary>
/// Checks the (operation, status) of every response a test app sends against its OpenAPI document, so that any test
/// that makes an operation answer a status its document does not declare fails, whichever test it is: declaring a
/// status is never optional. It runs first in the app's pipeline and, after the app has answered, throws
/// <see cref="UndeclaredStatusException"/>; the test's request then fails with it (an in-memory test server hands the
/// exception to the client, or aborts a body already sent). Only /api operations are checked (routed to an endpoint;
/// HEAD counts as the GET it answers); a request the client abandoned is not, as its status is nobody's answer.
/// Used by the API tests' factories and, as a linked file, by the browser tests' server.
/// </summary>
/// <param name="document">The document to check against (read when first needed).</param>
/// <param name="tolerated">Gaps known and owned elsewhere (operationId, status), not failed here.</param>
public sealed class StatusRecorder(Func<ApiDocument> document, Func<string, int, bool>? tolerated = null)
{
    private static readonly string[] OperationMethods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    private readonly ConcurrentQueue<Answer> _answers = new();

    /// <summary>One response: the operation (method and path template as the document writes them), its status, and the request that got it.</summary>
    public sealed record Answer(string Method, string Path, int Status, string Request)
    {
        public override string ToString() => $"{Method} {Path} answered {Status} (to {Request})";
    }

    /// <summary>Every answer checked so far.</summary>
    public IReadOnlyCollection<Answer> Answers => _answers;

    /// <summary>Put first in the app's pipeline, so it sees the final status of every request, errors included.</summary>
    public IStartupFilter Filter => new RecordingFilter(this);

    /// <summary>Why <paramref name="answer"/> breaks the document, or null when the document declares it.</summary>
    public string? Violation(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var operation = document().Find(answer.Method, answer.Path);
        if (operation is null)
        {
            return $"{answer.Method} {answer.Path} is not in the OpenAPI document (it answered {answer.Status} to {answer.Request})";
        }
        return operation.Declares(answer.Status) || tolerated?.Invoke(operation.Id, answer.Status) == true
            ? null
            : $"{operation} answered {answer.Status} to {answer.Request}, but its OpenAPI responses do not declare {answer.Status}: " +
              "declare it with ProducesProblem on the endpoint, or in Http/OpenApi/OpenApiStatuses when a shared rule produces it";
    }

    private void Check(HttpContext context, int status)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (endpoint is not RouteEndpoint route || !route.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var method = HttpMethods.IsHead(context.Request.Method) ? "GET" : context.Request.Method.ToUpperInvariant();
        if (!OperationMethods.Contains(method))
        {
            return; // OPTIONS (CORS preflight) is no operation of the document
        }
        var answer = new Answer(method, Template(route.RoutePattern), status, $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        _answers.Enqueue(answer);
        if (Violation(answer) is { } violation)
        {
            throw new UndeclaredStatusException(violation);
        }
    }

    /// <summary>The path as the document writes it: parameters by name, without constraints or defaults.</summary>
    private static string Template(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));

    private sealed class RecordingFilter(StatusRecorder recorder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                try
                {
                    await following(context);
                }
                catch (Exception escaped) when (escaped is not UndeclaredStatusException)
                {
                    // What escapes the app's own handling reaches the client as a 500.
                    recorder.Check(context, StatusCodes.Status500InternalServerError);
                    throw;
                }
                recorder.Check(context, context.Response.StatusCode);
            });
            next(app);
        };
    }
}

/// <summary>An operation answered a status its OpenAPI document does not declare.</summary>
public sealed class UndeclaredStatusException(string message) : Exception(message);
