using System.Net;
using System.Net.Http.Json;

namespace GraphApi.Api.Tests;

/// <summary>Creating actors and relationships without an id: a readable, unique one in the body and Location.</summary>
public sealed class NewIdTests : IDisposable
{
    private readonly GraphApiFactory _factory = new(seed: false);
    private readonly HttpClient _client;

    public NewIdTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private async Task<string> CreatedIdAsync(string url, object body)
    {
        var response = await _client.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)(await response.ReadJsonAsync())["id"]!;
        Assert.Equal($"{url}/{id}", response.Headers.Location?.ToString());
        return id;
    }

    [Fact]
    public async Task An_actor_without_id_is_named_after_its_name_and_a_second_one_gets_a_number()
    {
        Assert.Equal("pole-eau", await CreatedIdAsync("/api/actors", new { name = "Pôle Eau", kind = "Cluster", country = "FR" }));
        Assert.Equal("pole-eau-2", await CreatedIdAsync("/api/actors", new { name = "Pole eau", kind = "Cluster", country = "FR" }));
        Assert.Equal("Pôle Eau", (string?)(await (await _client.GetAsync("/api/actors/pole-eau")).ReadJsonAsync())["name"]);
    }

    [Fact]
    public async Task A_relationship_without_id_is_named_source_type_target()
    {
        await CreatedIdAsync("/api/actors", new { id = "pole-eau", name = "Pôle Eau", kind = "Cluster", country = "FR" });
        await CreatedIdAsync("/api/actors", new { id = "kicox", name = "KICOX", kind = "Agency", country = "KR" });
        var tie = new { source = "pole-eau", target = "kicox", type = "MOU" };
        Assert.Equal("pole-eau-mou-kicox", await CreatedIdAsync("/api/relationships", tie));
        Assert.Equal("pole-eau-mou-kicox-2", await CreatedIdAsync("/api/relationships", tie));
    }

    [Fact]
    public async Task Concurrent_creates_of_the_same_name_all_succeed_with_distinct_ids()
    {
        var creates = Enumerable.Range(0, 12).Select(_ => CreatedIdAsync("/api/actors", new { name = "Busan Marine Cluster", kind = "Cluster", country = "KR" }));
        var ids = await Task.WhenAll(creates);
        Assert.Equal(12, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("busan-marine-cluster", ids);
        Assert.All(ids, id => Assert.StartsWith("busan-marine-cluster", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_given_id_keeps_the_rules_and_a_missing_name_is_still_a_400()
    {
        var taken = new { id = "pole-eau", name = "Pôle Eau", kind = "Cluster", country = "FR" };
        await CreatedIdAsync("/api/actors", taken);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsJsonAsync("/api/actors", taken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/actors", new { id = "", name = "X", kind = "Cluster", country = "FR" })).StatusCode);
        var unnamed = await _client.PostAsJsonAsync("/api/actors", new { kind = "Cluster", country = "FR" });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(["name"], (await unnamed.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }
}
