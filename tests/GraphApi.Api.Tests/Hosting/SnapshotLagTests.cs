using System.Net;
using System.Net.Http.Json;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Hosting;

/// <summary>
/// A committed batch whose snapshot publish fails (a fault injected through the writer's test seam, as the U+FFFE fold
/// once did): the write is durable, readiness says the graph is behind its store, writes answer 503 with Retry-After
/// (the failed batch's own callers hear that their change was saved), reads go on, and the service reloads by itself.
/// </summary>
public sealed class SnapshotLagTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly GraphApiFactory _factory = new(seed: false);
    private int _failing;

    public void Dispose() => _factory.Dispose();

    private static object Actor(string id) => new { id, name = "Actor " + id, kind = "Cluster", country = "FR" };

    [Fact]
    public async Task A_write_that_cannot_be_shown_is_durable_refuses_writes_meanwhile_and_the_service_recovers_by_itself()
    {
        var client = _factory.CreateClient();
        var graph = _factory.Services.GetRequiredService<GraphService>();
        var store = _factory.Services.GetRequiredService<IGraphStore>();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/actors", Actor("before"))).StatusCode);
        graph.FirstReloadDelay = TimeSpan.FromMilliseconds(50);
        graph.MaxReloadDelay = TimeSpan.FromMilliseconds(200);
        graph.BeforePublishFromStore = () =>
        {
            if (Volatile.Read(ref _failing) == 1)
            {
                throw new InvalidOperationException("injected: applying the committed batch to the snapshot failed");
            }
        };
        Volatile.Write(ref _failing, 1);

        // 1. The write is committed, then cannot be shown: 503 + Retry-After, and the problem says it was saved.
        var stranded = await client.PostAsJsonAsync("/api/actors", Actor("stranded"));
        var strandedProblem = await AssertBehindProblemAsync(stranded, committed: true);
        Assert.Contains("actor 'stranded'", (string?)strandedProblem["detail"], StringComparison.Ordinal);
        Assert.Contains("Do not send it again", (string?)strandedProblem["detail"], StringComparison.Ordinal);

        // 2. It is durable (stored and audited) but not visible yet; reads keep serving the last good snapshot.
        Assert.Contains("stranded", (await store.LoadAsync(CancellationToken.None)).Actors.Select(a => a.Id));
        Assert.Single(await store.ReadAuditAsync(new AuditQuery(10, EntityId: "stranded"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/actors/stranded")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors/before")).StatusCode);

        // 3. Readiness reports the lag, with the reason.
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("behind its store", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 4. Other writes are refused without touching the store.
        var versionWhileBehind = await store.GetVersionAsync(CancellationToken.None);
        await AssertBehindProblemAsync(await client.PostAsJsonAsync("/api/actors", Actor("refused")), committed: false);
        await AssertBehindProblemAsync(await client.DeleteAsync("/api/actors/before"), committed: false);
        Assert.Equal(versionWhileBehind, await store.GetVersionAsync(CancellationToken.None));

        // 5. The fault goes away: the service reloads by itself, the stranded write shows, writes work again.
        Volatile.Write(ref _failing, 0);
        await EventuallyAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        Assert.Null(graph.Lag);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors/stranded")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/actors", Actor("after"))).StatusCode);
        Assert.Equal(await store.GetVersionAsync(CancellationToken.None), graph.Snapshot.Version);
        Assert.Equal(["after", "before", "stranded"], graph.Snapshot.Actors.Select(a => a.Id));
    }

    [Fact]
    public async Task A_create_without_an_id_that_cannot_be_shown_names_the_id_it_was_saved_under()
    {
        var client = _factory.CreateClient();
        var graph = _factory.Services.GetRequiredService<GraphService>();
        graph.FirstReloadDelay = TimeSpan.FromMilliseconds(50);
        graph.BeforePublishFromStore = () =>
        {
            if (Volatile.Read(ref _failing) == 1)
            {
                throw new InvalidOperationException("injected");
            }
        };
        Volatile.Write(ref _failing, 1);

        var problem = await AssertBehindProblemAsync(
            await client.PostAsJsonAsync("/api/actors", new { name = "Pôle Eau", kind = "Cluster", country = "FR" }), committed: true);

        // The caller learns the id it would otherwise only see in a Location header, so it can look instead of re-sending.
        Assert.Contains("actor 'pole-eau'", (string?)problem["detail"], StringComparison.Ordinal);
        Volatile.Write(ref _failing, 0);
        await EventuallyAsync(async () => (await client.GetAsync("/api/actors/pole-eau")).StatusCode == HttpStatusCode.OK);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> AssertBehindProblemAsync(HttpResponseMessage response, bool committed)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in whole seconds");
        var problem = await response.ReadJsonAsync();
        Assert.Equal(committed, (bool?)problem["committed"]);
        Assert.DoesNotContain("Exception", (string?)problem["detail"], StringComparison.Ordinal);
        return problem;
    }

    /// <summary>Polls until the condition holds; the recovery runs in the background, so no fixed wait would be right.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {Patience.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
