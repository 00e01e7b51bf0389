using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GraphApi.Browser.Tests;

/// <summary>
/// The API as a front-end developer meets it: the document the app serves passes Redocly's recommended rules and is
/// the document the build wrote (from which clients/typescript generates its types), and the README's API tour
/// (tests/clients), compiled against that typed client by the build (tests/clients/Clients.targets), runs through it
/// against the live app. A schema change that breaks the client's users fails the build, or here.
/// </summary>
public sealed class GeneratedClientTests : IClassFixture<GeneratedClientTests.LiveApp>
{
    private const string Key = "client-tests-admin-key-0123456789";
    private static readonly string Clients = Path.Combine(Artifacts.RepositoryRoot(), "tests", "clients");
    private static readonly string BuildTimeDocument = Path.Combine(Artifacts.RepositoryRoot(), "clients", "typescript", "generated", "openapi.json");

    private readonly LiveApp _app;

    public GeneratedClientTests(LiveApp app) => _app = app;

    [SkippableFact]
    public async Task The_OpenAPI_document_passes_Redocly_recommended_rules()
    {
        SkipWithoutNode();
        await _app.WriteDocumentAsync();
        Run("npx", "--no-install", "redocly", "lint", "generated/openapi.json", "--config", "redocly.yaml");
    }

    [Fact]
    public async Task The_document_written_at_build_time_is_the_one_the_app_serves()
    {
        Assert.True(File.Exists(BuildTimeDocument), $"{BuildTimeDocument} is missing: building src/GraphApi writes it");
        var built = JsonNode.Parse(await File.ReadAllTextAsync(BuildTimeDocument))!.AsObject();
        var served = JsonNode.Parse(await _app.ReadDocumentAsync())!.AsObject();
        // Only the server URL differs: the build has no server, the live app names its own address.
        built.Remove("servers");
        served.Remove("servers");
        Assert.True(JsonNode.DeepEquals(built, served),
            "the build-time document differs from /openapi/v1.json: the describe-only host (Hosting/BuildTimeDocument.cs) must not change what is described");
    }

    [SkippableFact]
    public void The_README_tour_runs_through_the_typed_client()
    {
        SkipWithoutNode();
        Assert.True(File.Exists(Path.Combine(Clients, "dist", "readme-tour.test.js")),
            "tests/clients/dist holds no compiled tour: the build compiles it (tests/clients/Clients.targets); rebuild GraphApi.Browser.Tests");
        Run("node", "--test", "--test-reporter=spec", "dist/");
    }

    /// <summary>Node.js is the one thing the build cannot install; with it, the build has installed and compiled the rest.</summary>
    private static void SkipWithoutNode()
    {
        Skip.IfNot(CanRun("node") && CanRun("npm"), "Node.js 20+ with npm is not installed: the typed TypeScript client and the README tour cannot be built or run here");
        Assert.True(Directory.Exists(Path.Combine(Clients, "node_modules")),
            "tests/clients/node_modules is missing although npm is installed: the build runs npm ci (tests/clients/Clients.targets); rebuild GraphApi.Browser.Tests");
    }

    private static bool CanRun(string file)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process?.WaitForExit(TimeSpan.FromSeconds(30));
            return process is { ExitCode: 0 };
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not on the PATH
        }
    }

    private void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Clients, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GRAPHAPI_URL"] = _app.BaseUrl.ToString().TrimEnd('/');
        start.Environment["GRAPHAPI_KEY"] = Key;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran over 5 minutes");
        }
        Assert.True(process.ExitCode == 0,
            $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output.Result}\n{errors.Result}");
    }

    /// <summary>The app on a real socket, writable, with an admin key; its OpenAPI document written for the tools.</summary>
    public sealed class LiveApp : IDisposable
    {
        private readonly ExplorerServer _server = new(new Dictionary<string, string>
        {
            ["Security:ReadOnly"] = "false",
            ["GRAPHAPI_ADMIN_KEY"] = Key,
        });

        public LiveApp() => BaseUrl = _server.Start();

        public Uri BaseUrl { get; }

        public async Task<string> ReadDocumentAsync()
        {
            using var http = new HttpClient { BaseAddress = BaseUrl };
            return await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        }

        public async Task WriteDocumentAsync()
        {
            Directory.CreateDirectory(Path.Combine(Clients, "generated"));
            await File.WriteAllTextAsync(Path.Combine(Clients, "generated", "openapi.json"), await ReadDocumentAsync());
        }

        public void Dispose() => _server.Dispose();
    }
}
