using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests;

public static class TestJson
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("empty body");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    /// <summary>Sends raw text as JSON, for bodies a typed object cannot express (bad JSON, wrong types).</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, contentType));

    /// <summary>
    /// The 400's errors name exactly <paramref name="field"/> (no other field is blamed) with at least one message that
    /// quotes the bad value or states the rule; returns those messages.
    /// </summary>
    public static string[] OnlyErrorsOf(JsonNode problem, string field)
    {
        var errors = problem["errors"]?.AsObject() ?? throw new JsonException("the problem has no errors object");
        Assert.Equal([field], errors.Select(e => e.Key));
        var messages = errors[field]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.True(m.Length > 10, $"'{m}' does not say what is wrong"));
        return messages;
    }
}
