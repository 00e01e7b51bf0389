using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Contract;

/// <summary>The recorder every test app carries: a status its document leaves out fails the request that got it.</summary>
public sealed class StatusRecorderTests
{
    [Fact]
    public async Task A_status_the_document_does_not_declare_fails_the_request_and_a_declared_one_passes()
    {
        var withoutNotFound = JsonNode.Parse(ContractDocument.Json)!.AsObject();
        withoutNotFound["paths"]!["/api/actors/{id}"]!["get"]!["responses"]!.AsObject().Remove("404");
        var recorder = new StatusRecorder(() => ApiDocument.Parse(withoutNotFound.ToJsonString()));
        using var factory = new GraphApiFactory(seed: true);
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(recorder.Filter)));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors/kicox")).StatusCode);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync("/api/actors/no-such-actor"));
        var undeclared = Assert.IsType<UndeclaredStatusException>(Innermost(failure));
        Assert.Contains("GET /api/actors/{id} (GetActor) answered 404 to GET /api/actors/no-such-actor", undeclared.Message, StringComparison.Ordinal);

        // HEAD is checked as the GET it answers; requests outside /api (the document itself) are not operations.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/actors/kicox"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Contains(recorder.Answers, a => a is { Method: "GET", Path: "/api/actors/{id}", Status: 200, Request: "HEAD /api/actors/kicox" });
        Assert.DoesNotContain(recorder.Answers, a => a.Path.StartsWith("/openapi", StringComparison.Ordinal));
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }
        return exception;
    }
}
