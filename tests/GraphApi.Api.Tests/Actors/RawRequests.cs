using System.Text;

namespace GraphApi.Api.Tests.Actors;

/// <summary>Requests as a caller might really send them (any body, any media type or none), and what answers must not say.</summary>
public static class RawRequests
{
    public static HttpRequestMessage Request(string method, string url, string? body, string? contentType)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new(contentType);
            }
        }
        return request;
    }

    /// <summary>What the framework would say where we say it in the caller's words.</summary>
    public static void NoDotNetNames(string answer)
    {
        foreach (var name in new[] { "System.", "Nullable", "IReadOnlyList", "Int32", "Int64", "String[]", "JsonElement", "Microsoft.", "Exception", "binder" })
        {
            Assert.DoesNotContain(name, answer, StringComparison.Ordinal);
        }
    }
}
