using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GraphApi.Api.Tests.Contract;

/// <summary>
/// What an answer must look like for the status its operation declares: every 4xx and 5xx a problem+json with
/// <c>type</c>, <c>title</c>, <c>status</c> and <c>detail</c> (a 400 with <c>errors</c> keyed by field), no .NET type
/// or parameter name anywhere in it, and the headers that go with the status both declared and sent: Retry-After on
/// 429 and 503, ETag on a GET's 200 and on 304, Location on 201 and 301 (and every other header the document declares).
/// </summary>
public static partial class ResponseShape
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(ApiOperation operation, int status, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<string>();
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != status)
        {
            problems.Add($"answered {(int)response.StatusCode}, not {status}: {Shorten(body)}");
            return problems;
        }
        if (status >= 400)
        {
            CheckProblem(operation, status, response, body, problems);
        }
        foreach (var header in ExpectedHeaders(operation, status))
        {
            if (!operation.DeclaredHeaders(status).Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"sends {header} with {status}, but the document does not declare it there");
            }
        }
        foreach (var header in ExpectedHeaders(operation, status).Concat(operation.DeclaredHeaders(status)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!response.Headers.NonValidated.Contains(header) && !response.Content.Headers.NonValidated.Contains(header))
            {
                problems.Add($"answered {status} without the {header} header");
            }
        }
        return problems;
    }

    private static IEnumerable<string> ExpectedHeaders(ApiOperation operation, int status) => status switch
    {
        429 or 503 => ["Retry-After"],
        304 => ["ETag"],
        200 when operation.Method == "GET" => ["ETag"],
        201 or 301 => ["Location"],
        _ => [],
    };

    private static void CheckProblem(ApiOperation operation, int status, HttpResponseMessage response, string body, List<string> problems)
    {
        if (operation.Response(status)?["content"]?["application/problem+json"] is null)
        {
            problems.Add($"the document declares {status} without an application/problem+json body");
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            problems.Add($"answered {status} as {response.Content.Headers.ContentType?.MediaType ?? "no media type"}, not application/problem+json");
            return;
        }
        if (DotNetNames().Match(body) is { Success: true } leak)
        {
            problems.Add($"names .NET internals (\"{leak.Value}\"): {Shorten(body)}");
        }
        JsonObject problem;
        try
        {
            problem = JsonNode.Parse(body)?.AsObject() ?? throw new JsonException("null");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            problems.Add($"answered a problem that is not a JSON object: {Shorten(body)}");
            return;
        }
        foreach (var member in new[] { "type", "title", "detail" })
        {
            if (problem[member] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"its problem has no {member}: {Shorten(body)}");
            }
        }
        if (problem["status"] is not JsonValue code || !code.TryGetValue<int>(out var number) || number != status)
        {
            problems.Add($"its problem's status is not {status}: {Shorten(body)}");
        }
        if (status == 400)
        {
            var errors = problem["errors"] as JsonObject;
            if (errors is null || errors.Count == 0)
            {
                problems.Add($"a 400 without errors keyed by field: {Shorten(body)}");
            }
            else if (errors.Any(e => e.Key.Length == 0 || e.Value is not JsonArray { Count: > 0 } messages
                || messages.Any(m => m is not JsonValue v || !v.TryGetValue<string>(out var s) || s.Length == 0)))
            {
                problems.Add($"a 400 whose errors are not field → messages: {Shorten(body)}");
            }
        }
    }

    private static string Shorten(string body) => body.Length <= 400 ? body : body[..400] + "…";

    /// <summary>What leaks of .NET: namespaces, generic arity, CLR type names, binder and reader wording.</summary>
    [GeneratedRegex(@"\bSystem\.|\bMicrosoft\.|Nullable<|\bI(ReadOnly)?(List|Collection|Enumerable)\b|`\d|\b(Int32|Int64|Double|Boolean|String)\b|JsonElement|parameter ""|reader options|JsonTokenType")]
    private static partial Regex DotNetNames();
}
