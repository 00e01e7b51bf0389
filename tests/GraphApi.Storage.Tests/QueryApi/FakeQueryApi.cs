using System.Net;
using System.Text;

namespace GraphApi.Storage.Tests.QueryApi;

/// <summary>A request as the fake server saw it.</summary>
internal sealed record SeenRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Stands in for Neo4j's HTTP endpoint: answers each request with the next scripted reply and records what was sent,
/// so the client can be checked against the response shapes Neo4j documents without a server.
/// </summary>
internal sealed class FakeQueryApi : HttpMessageHandler
{
    private readonly Queue<Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>>> _replies = new();

    public List<SeenRequest> Requests { get; } = [];

    public FakeQueryApi Reply(string json, HttpStatusCode status = HttpStatusCode.Accepted, string? affinity = null, string contentType = "application/vnd.neo4j.query")
    {
        _replies.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, contentType) };
            if (affinity is not null)
            {
                response.Headers.Add("neo4j-cluster-affinity", affinity);
            }
            return Task.FromResult(response);
        });
        return this;
    }

    public FakeQueryApi Throw(Exception exception)
    {
        _replies.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers: the request ends only when its token is cancelled (by the caller or a timeout).</summary>
    public FakeQueryApi Hang()
    {
        _replies.Enqueue(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var seen = new SeenRequest(request.Method, request.RequestUri!.AbsolutePath, headers, body);
        Requests.Add(seen);
        if (!_replies.TryDequeue(out var reply))
        {
            throw new InvalidOperationException($"the test scripted no reply for request {Requests.Count}: {seen.Method} {seen.Path}");
        }
        return await reply(seen, cancellationToken);
    }
}

/// <summary>Response bodies in the shapes of Neo4j's Query API documentation.</summary>
internal static class Bodies
{
    public static string Rows(string fields, string values, string bookmarks = "[\"FB:kcwQ\"]") =>
        $$"""{"data":{"fields":{{fields}},"values":{{values}}},"bookmarks":{{bookmarks}}}""";

    public static string Error(string code, string message) =>
        $$$"""{"errors":[{"code":"{{{code}}}","message":"{{{message}}}"}]}""";

    public static string Transaction(string id, string data = """{"fields":[],"values":[]}""") =>
        $$$"""{"data":{{{data}}},"bookmarks":[],"transaction":{"id":"{{{id}}}","expires":"2024-10-22T15:48:29Z"}}""";

    public static string Integer(long value) => $$"""{"$type":"Integer","_value":"{{value}}"}""";
}
