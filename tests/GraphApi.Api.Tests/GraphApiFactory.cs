using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GraphApi.Api.Tests;

/// <summary>
/// The real app over a fresh SQLite file in a temp folder. <paramref name="seed"/> false starts empty, for
/// tests that build their own tiny graph; true loads the shipped report dataset.
/// </summary>
public sealed class GraphApiFactory(bool seed = true) : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "graphapi-tests", Guid.NewGuid().ToString("N"), "graph.db");

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sqlite:Path", DatabasePath);
        builder.UseSetting("Seed:Enabled", seed ? "true" : "false");
        builder.UseSetting("GraphStore:RefreshIntervalSeconds", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
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
