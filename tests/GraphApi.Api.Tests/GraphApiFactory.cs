using GraphApi.Api.Tests.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests;

/// <summary>
/// The real app over a fresh SQLite file in a temp folder. <paramref name="seed"/> false starts empty, for
/// tests that build their own tiny graph; true loads the shipped report dataset. A request whose operation answers a
/// status the OpenAPI document does not declare fails (<see cref="StatusRecorder"/>).
/// </summary>
public sealed class GraphApiFactory(bool seed = true) : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "graphapi-tests", Guid.NewGuid().ToString("N"), "graph.db");

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The (operation, status) of every response, each checked against the OpenAPI document.</summary>
    public StatusRecorder Statuses { get; } = ContractDocument.NewRecorder();

    /// <summary>The admin key every test app accepts (as GRAPHAPI_ADMIN_KEY); clients from CreateClient send it.</summary>
    public const string AdminKey = "test-admin-key-0123456789";

    /// <summary>Clients made by the factory act as admin, so tests of other features need not care about keys.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sqlite:Path", DatabasePath);
        builder.UseSetting("Seed:Enabled", seed ? "true" : "false");
        builder.UseSetting("GraphStore:RefreshIntervalSeconds", "0");
        // Hundreds of short-lived apps in temp folders: no saved snapshot beside each (its own tests are in
        // GraphApi.Storage.Tests, and the durability tests run it in the real process across SIGKILLs).
        builder.UseSetting("GraphStore:SnapshotFile", "false");
        builder.UseSetting("GRAPHAPI_ADMIN_KEY", AdminKey);
        // The admin key is exempt from rate limits so feature tests with many calls never see a 429.
        builder.UseSetting("RateLimit:ExemptKeys:0", "bootstrap-admin");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton(Statuses.Filter));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(DatabasePath)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>One seeded app shared by the read-only tests of a class.</summary>
public sealed class SeededApp : IDisposable
{
    public GraphApiFactory Factory { get; } = new(seed: true);

    public HttpClient Client => Factory.CreateClient();

    public void Dispose() => Factory.Dispose();
}
