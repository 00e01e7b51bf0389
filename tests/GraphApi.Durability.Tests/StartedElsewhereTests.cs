using System.Net;

namespace GraphApi.Durability.Tests;

/// <summary>
/// <c>dotnet /path/to/GraphApi.dll</c> started from another folder (a systemd unit without WorkingDirectory starts in
/// <c>/</c>) reads the appsettings.json beside it, as the container and <c>dotnet run</c> do.
/// </summary>
public sealed class StartedElsewhereTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-elsewhere", Guid.NewGuid().ToString("N"));

    public StartedElsewhereTests() => Directory.CreateDirectory(Path.Combine(_folder, "started-here"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Started_from_another_folder_it_reads_the_settings_beside_it()
    {
        var environment = new Dictionary<string, string>
        {
            // Everything at Information unless a settings file says otherwise: appsettings.json puts the per-request
            // lines of Microsoft.AspNetCore at Warning, so they show only when the file was not read.
            ["Logging__LogLevel__Default"] = "Information",
        };
        using var app = await AppProcess.StartAsync(Path.Combine(_folder, "graph.db"), environment, Path.Combine(_folder, "started-here"));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/actors?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);

        Assert.Contains("Content root path: " + Path.TrimEndingDirectorySeparator(AppProcess.AppFolder), app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", app.Output, StringComparison.Ordinal);
    }
}
