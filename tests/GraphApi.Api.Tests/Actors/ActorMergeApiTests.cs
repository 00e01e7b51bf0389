using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using GraphApi.Core.Graph;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Actors;

/// <summary>
/// POST /api/actors/{id}/merge on an empty store, one app per test: KICOX entered twice ("kicox" and "kicox-dup"),
/// Pôle Eau tied to the first, the Gumi mini cluster managed by the second.
/// </summary>
public sealed class ActorMergeApiTests : IDisposable
{
    private readonly GraphApiFactory _factory = new(seed: false);
    private readonly HttpClient _client;

    public ActorMergeApiTests()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public void Dispose() => _factory.Dispose();

    private async Task SeedAsync()
    {
        foreach (var actor in new object[]
        {
            new { id = "pole-eau", name = "Pôle Eau", kind = "Cluster", country = "FR" },
            new { id = "kicox", name = "KICOX", kind = "Agency", country = "KR", aliases = new[] { "한국산업단지공단" }, sources = new[] { "report §2.1" } },
            new { id = "kicox-dup", name = "Korea Industrial Complex Corp.", kind = "Agency", country = "KR", aliases = new[] { "KICOX" }, sources = new[] { "import 2" } },
            new { id = "gumi-mini", name = "Gumi mini cluster", kind = "MiniCluster", country = "KR" },
        })
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/actors", actor)).StatusCode);
        }
        foreach (var tie in new object[]
        {
            new { id = "kicox-mou-pole-eau", source = "kicox", target = "pole-eau", type = "MOU" },
            new { id = "dup-manages-gumi", source = "kicox-dup", target = "gumi-mini", type = "MANAGES" },
            new { id = "kicox-manages-gumi", source = "kicox", target = "gumi-mini", type = "MANAGES" },
            new { id = "dup-partner-kicox", source = "kicox-dup", target = "kicox", type = "PARTNER_OF" },
        })
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/relationships", tie)).StatusCode);
        }
    }

    [Fact]
    public async Task A_merge_repoints_reports_and_redirects_and_routes_see_it_at_once()
    {
        await SeedAsync();
        var etag = (await _client.GetAsync("/api/actors/kicox-dup")).Headers.ETag!;

        var response = await MergeAsync("kicox-dup", new { into = "kicox", duplicateTies = "collapse" }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/actors/kicox", response.Headers.Location?.ToString());
        var merge = await response.ReadJsonAsync();
        Assert.Equal(["dup-partner-kicox"], Strings(merge["selfLoops"]!));
        Assert.Equal("kicox-manages-gumi", (string)merge["duplicates"]![0]!["kept"]!);
        Assert.Equal(["dup-manages-gumi", "dup-partner-kicox"], Strings(merge["removedRelationshipIds"]!));
        Assert.Equal(["한국산업단지공단", "Korea Industrial Complex Corp."], Strings(merge["actor"]!["aliases"]!));
        Assert.Equal(["report §2.1", "import 2"], Strings(merge["actor"]!["sources"]!));

        var old = await _client.GetAsync("/api/actors/kicox-dup");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/api/actors/kicox", old.Headers.Location?.ToString());
        var found = await (await _client.GetAsync("/api/actors?q=industrial%20complex")).ReadJsonAsync();
        Assert.Equal(["kicox"], found["items"]!.AsArray().Select(a => (string)a!["id"]!));
        var routes = await (await _client.PostJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { id = "gumi-mini" }, k = 1 })).ReadJsonAsync();
        Assert.Equal("pole-eau>kicox>gumi-mini", string.Join('>', Strings(routes["routes"]![0]!["path"]!)));
        await AssertSnapshotMatchesStoreAsync();
        var audit = await (await _client.GetAsync("/api/audit?entityId=kicox-dup")).ReadJsonAsync();
        Assert.Contains("merge", audit["items"]!.AsArray().Select(e => (string)e!["operation"]!));
    }

    [Fact]
    public async Task Kept_duplicates_stay_and_are_reported()
    {
        await SeedAsync();

        var merge = await (await MergeAsync("kicox-dup", new { into = "kicox" })).ReadJsonAsync();

        var duplicate = merge["duplicates"]![0]!;
        Assert.Equal(("MANAGES", "kicox-manages-gumi"), ((string)duplicate["type"]!, (string)duplicate["kept"]!));
        Assert.Equal(["dup-manages-gumi"], Strings(duplicate["others"]!));
        Assert.Equal(["dup-partner-kicox"], Strings(merge["removedRelationshipIds"]!));
        var ties = await (await _client.GetAsync("/api/relationships?actor=kicox")).ReadJsonAsync();
        Assert.Equal(3, (int)ties["total"]!);
        await AssertSnapshotMatchesStoreAsync();
    }

    [Fact]
    public async Task A_dry_run_answers_the_plan_and_changes_nothing()
    {
        await SeedAsync();
        var graph = _factory.Services.GetRequiredService<GraphService>();
        var version = graph.Snapshot.Version;

        var plan = await (await MergeAsync("kicox-dup", new { into = "kicox", dryRun = true, duplicateTies = "collapse" })).ReadJsonAsync();

        Assert.True((bool)plan["dryRun"]!);
        Assert.Equal(version, (long)plan["version"]!);
        Assert.Equal(["dup-manages-gumi", "dup-partner-kicox"], Strings(plan["removedRelationshipIds"]!));
        Assert.Equal(version, graph.Snapshot.Version);
        Assert.Equal(version, await graph.Store.GetVersionAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/actors/kicox-dup")).StatusCode);
        Assert.Equal(2, (int)(await (await _client.GetAsync("/api/relationships?actor=kicox-dup")).ReadJsonAsync())["total"]!);
    }

    [Fact]
    public async Task Bad_requests_are_400_per_field_404_412_and_401()
    {
        await SeedAsync();

        foreach (var (body, field) in new (object, string)[]
        {
            (new { }, "into"), (new { into = "Not An Id" }, "into"), (new { into = "kicox-dup" }, "into"),
            (new { into = "kicox", duplicateTies = "merge" }, "duplicateTies"),
        })
        {
            var bad = await MergeAsync("kicox-dup", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await bad.ReadJsonAsync())["errors"]![field]);
        }
        var unknown = await MergeAsync("kicox-dup", new { into = "nowhere" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'nowhere'", (string)(await unknown.ReadJsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await MergeAsync("nobody", new { into = "kicox" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await MergeAsync("kicox-dup", new { into = "kicox" }, new EntityTagHeaderValue("\"9\""))).StatusCode);
        var anonymous = await _factory.CreateAnonymousClient().PostJsonAsync("/api/actors/kicox-dup/merge", new { into = "kicox" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/actors/kicox-dup")).StatusCode);
    }

    [Fact]
    public async Task A_merged_id_whose_target_is_deleted_is_gone()
    {
        await SeedAsync();
        await MergeAsync("kicox-dup", new { into = "kicox" });
        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync("/api/actors/kicox")).StatusCode);

        Assert.Equal(HttpStatusCode.Gone, (await _client.GetAsync("/api/actors/kicox-dup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/actors/kicox")).StatusCode);
    }

    private async Task<HttpResponseMessage> MergeAsync(string id, object body, EntityTagHeaderValue? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/actors/{id}/merge") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }
        return await _client.SendAsync(request);
    }

    /// <summary>The snapshot patched by the writer equals one rebuilt from the store's rows.</summary>
    private async Task AssertSnapshotMatchesStoreAsync()
    {
        var graph = _factory.Services.GetRequiredService<GraphService>();
        var stored = await graph.Store.LoadAsync(CancellationToken.None);
        var snapshot = graph.Snapshot;
        Assert.Equal(stored.Version, snapshot.Version);
        Assert.Equal(stored.Actors.Select(a => (a.Id, a.Revision, string.Join('|', a.Aliases))),
            snapshot.Actors.Select(a => (a.Id, a.Revision, string.Join('|', a.Aliases))));
        Assert.Equal(stored.Relationships, snapshot.Relationships);
    }

    private static string[] Strings(JsonNode array) => [.. array.AsArray().Select(x => (string)x!)];
}
