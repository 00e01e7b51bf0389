using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Introductions;

/// <summary>
/// A fresh app per test over a small graph written through the service, today pinned to 2024-05-01:
/// Pôle Eau –MOU– KICOX, which manages Gumi (0.85) and Ulsan (strength 0.5); Gumi –PARTNER_OF (0.75)– Ulsan.
/// To Ulsan, stated: via Gumi (0.9 × 0.85 × 0.75) beats direct (0.9 × 0.5).
/// </summary>
public sealed class LedgerApp : IDisposable
{
    public static readonly string[] Direct = ["pole-eau", "kicox", "ulsan-mini"];
    public static readonly string[] DirectTies = ["kicox-mou-pole-eau", "kicox-manages-ulsan"];
    public static readonly string[] ViaGumi = ["pole-eau", "kicox", "gumi-mini", "ulsan-mini"];
    public static readonly string[] ViaGumiTies = ["kicox-mou-pole-eau", "kicox-manages-gumi", "gumi-partner-ulsan"];

    private readonly WebApplicationFactory<Program> _app;

    public LedgerApp(Action<GraphApiFactory>? configure = null)
    {
        Factory = new GraphApiFactory(seed: false);
        configure?.Invoke(Factory);
        _app = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)))));
        Client = _app.CreateClient();
        _app.Services.GetRequiredService<GraphService>().UpsertAsync(
            [Actor("pole-eau", "Cluster", "FR"), Actor("kicox", "Agency", "KR"), Actor("gumi-mini", "MiniCluster", "KR"), Actor("ulsan-mini", "MiniCluster", "KR")],
            [
                Tie("kicox-mou-pole-eau", "kicox", "pole-eau", "MOU"),
                Tie("kicox-manages-gumi", "kicox", "gumi-mini", "MANAGES"),
                Tie("kicox-manages-ulsan", "kicox", "ulsan-mini", "MANAGES", strength: 0.5),
                Tie("gumi-partner-ulsan", "gumi-mini", "ulsan-mini", "PARTNER_OF"),
            ],
            CancellationToken.None).GetAwaiter().GetResult();
    }

    public GraphApiFactory Factory { get; }

    /// <summary>The app's services (the graph, the ledger), for steps no request takes, such as half a deletion.</summary>
    public IServiceProvider Services => _app.Services;

    public HttpClient Client { get; }

    public HttpClient ClientWithKey(string? key)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    /// <summary>Records an ask along <paramref name="path"/> and returns its id.</summary>
    public async Task<string> AskAsync(string[] path, string[] ties, string date = "2024-04-01")
    {
        var response = await Client.PostJsonAsync("/api/introductions",
            new { requester = path[0], target = path[^1], route = new { path, relationships = ties }, note = "test ask", date });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    public async Task<HttpResponseMessage> EventAsync(string id, string type, int? step = null, string date = "2024-04-02", string? evidence = null) =>
        await Client.PostJsonAsync($"/api/introductions/{id}/events", new { type, step, date, evidence });

    public async Task<JsonNode> GetAsync(string url) => await (await Client.GetAsync(url)).ReadJsonAsync();

    private static Actor Actor(string id, string kind, string country) =>
        new() { Id = id, Name = id.ToUpperInvariant(), Kind = kind, Country = country, Sources = ["test"] };

    private static Relationship Tie(string id, string source, string target, string type, double? strength = null) => new()
    {
        Id = id,
        Source = source,
        Target = target,
        Type = type,
        Strength = strength,
        Evidence = new Evidence("report", "§1", "quote"),
    };

    public void Dispose()
    {
        Client.Dispose();
        _app.Dispose();
        Factory.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
