using System.Net;
using System.Net.Http.Json;

namespace GraphApi.Api.Tests;

/// <summary>
/// The store on a disk that fills up or turns read-only: writes answer 503 problem+json with Retry-After and change
/// nothing, reads go on, every acknowledged write survives a restart, and writes work again by themselves once the
/// disk can take them.
/// </summary>
public sealed class FullDiskTests
{
    private const int MaxAttempts = 500;

    [SkippableFact]
    public async Task A_full_disk_refuses_writes_with_503_serves_reads_and_recovers_when_space_returns()
    {
        var (disk, reason) = SmallDisk.TryMount(megabytes: 8);
        Skip.If(disk is null, reason);
        using (disk)
        {
            var database = Path.Combine(disk!.Path, "graph.db");
            var acknowledged = new List<string>();
            using (var factory = OnDisk(database))
            {
                var client = factory.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors/kicox")).StatusCode);
                disk.Fill();

                var refused = await WriteUntilRefusedAsync(client, acknowledged);
                await AssertUnavailableProblemAsync(refused, "full");
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors/kicox")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors?q=KICOX")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/actors/{NextId(acknowledged)}")).StatusCode);

                disk.Free();
                await CreateAsync(client, acknowledged, HttpStatusCode.Created);
            }
            await AssertAllPresentAfterRestartAsync(database, acknowledged);
        }
    }

    [SkippableFact]
    public async Task A_read_only_store_refuses_writes_with_503_serves_reads_and_recovers_when_writable_again()
    {
        var (disk, reason) = SmallDisk.TryMount(megabytes: 32);
        Skip.If(disk is null, reason);
        using (disk)
        {
            var database = Path.Combine(disk!.Path, "graph.db");
            var acknowledged = new List<string>();
            using (var factory = OnDisk(database))
            {
                var client = factory.CreateClient();
                await CreateAsync(client, acknowledged, HttpStatusCode.Created);
                disk.MakeReadOnly(true);
                try
                {
                    var refused = await client.PostAsJsonAsync("/api/actors", Actor(NextId(acknowledged)));
                    await AssertUnavailableProblemAsync(refused, "writes are refused");
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/actors/{acknowledged[0]}")).StatusCode);
                }
                finally
                {
                    disk.MakeReadOnly(false);
                }
                await CreateAsync(client, acknowledged, HttpStatusCode.Created);
            }
            await AssertAllPresentAfterRestartAsync(database, acknowledged);
        }
    }

    private static GraphApiFactory OnDisk(string database)
    {
        var factory = new GraphApiFactory(seed: true);
        factory.Settings["Sqlite:Path"] = database;
        return factory;
    }

    private static object Actor(string id) => new { id, name = "Disk test " + id, kind = "Company", country = "FR", description = new string('x', 3900) };

    private static string NextId(List<string> acknowledged) => $"disk-test-{acknowledged.Count:D4}";

    private static async Task CreateAsync(HttpClient client, List<string> acknowledged, HttpStatusCode expected)
    {
        var id = NextId(acknowledged);
        var response = await client.PostAsJsonAsync("/api/actors", Actor(id));
        Assert.Equal(expected, response.StatusCode);
        acknowledged.Add(id);
    }

    /// <summary>Writes until the store refuses one; SQLite may first use pages it already had free.</summary>
    private static async Task<HttpResponseMessage> WriteUntilRefusedAsync(HttpClient client, List<string> acknowledged)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/actors", Actor(NextId(acknowledged)));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return response;
            }
            acknowledged.Add(NextId(acknowledged));
        }
        throw new InvalidOperationException($"{MaxAttempts} writes on a full disk were all accepted");
    }

    private static async Task AssertUnavailableProblemAsync(HttpResponseMessage response, string word)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var detail = (string?)(await response.ReadJsonAsync())["detail"];
        Assert.True(detail?.Contains(word, StringComparison.Ordinal) == true, $"detail: {detail}");
    }

    private static async Task AssertAllPresentAfterRestartAsync(string database, List<string> acknowledged)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var restarted = OnDisk(database);
        var client = restarted.CreateClient();
        foreach (var id in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/actors/{id}")).StatusCode);
        }
    }
}
