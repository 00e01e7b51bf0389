using System.Net;
using GraphApi.Api.Tests.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Browser.Tests;

/// <summary>
/// The real app on a real Kestrel socket (a browser cannot reach the in-memory test server), on a free loopback
/// port, over a fresh SQLite file seeded with the report's dataset. Its content root is src/GraphApi, so the
/// explorer page and the npm-installed wwwroot/lib are served exactly as `dotnet run` serves them. Every answer is
/// checked against the document this server serves (<see cref="StatusRecorder"/>): an undeclared status fails the request.
/// </summary>
/// <param name="settings">Settings over the defaults below (e.g. a writable deployment with an admin key).</param>
public sealed class ExplorerServer(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-browser-tests", Guid.NewGuid().ToString("N"));
    private Uri? _address;
    private ApiDocument? _document;
    private StatusRecorder? _statuses;

    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _address = new Uri(addresses.Single());
        return _address;
    }

    /// <summary>The (operation, status) of every answer, each checked against the document this server serves.</summary>
    public StatusRecorder Statuses => _statuses ??= new StatusRecorder(ServedDocument);

    /// <summary>Read from the server itself when first needed (inside a request, on another connection).</summary>
    private ApiDocument ServedDocument()
    {
        if (_document is null)
        {
            using var http = new HttpClient { BaseAddress = _address ?? throw new InvalidOperationException("the server has not started") };
            _document = ApiDocument.Parse(http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)).GetAwaiter().GetResult());
        }
        return _document;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sqlite:Path", Path.Combine(_folder, "graph.db"));
        builder.UseSetting("Seed:Enabled", "true");
        builder.UseSetting("GraphStore:RefreshIntervalSeconds", "0");
        // The explorer only reads: a read-only deployment needs no API key, and these tests are not about rate limits.
        builder.UseSetting("Security:ReadOnly", "true");
        builder.UseSetting("RateLimit:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton(Statuses.Filter));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
