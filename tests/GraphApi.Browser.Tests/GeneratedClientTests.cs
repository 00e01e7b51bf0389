using System.Diagnostics;

namespace GraphApi.Browser.Tests;

/// <summary>
/// The API as a front-end developer meets it (tests/clients): the document the app serves passes Redocly's
/// recommended rules, a client generated from it by openapi-typescript compiles under <c>tsc --strict</c>, and the
/// README's API tour runs through that client (openapi-fetch, node's test runner) against the live app. A schema
/// change that breaks generated clients fails here. Needs Node.js and <c>npm ci</c> in tests/clients (.ci/run does it).
/// </summary>
public sealed class GeneratedClientTests : IClassFixture<GeneratedClientTests.LiveApp>
{
    private const string Key = "client-tests-admin-key-0123456789";
    private static readonly string Clients = Path.Combine(Artifacts.RepositoryRoot(), "tests", "clients");

    private readonly LiveApp _app;

    public GeneratedClientTests(LiveApp app) => _app = app;

    [SkippableFact]
    public async Task The_OpenAPI_document_passes_Redocly_recommended_rules()
    {
        await _app.WriteDocumentAsync();
        Run("npx", "--no-install", "redocly", "lint", "generated/openapi.json", "--config", "redocly.yaml");
    }

    [SkippableFact]
    public async Task The_README_tour_runs_through_a_generated_strict_typed_client()
    {
        await _app.WriteDocumentAsync();
        Run("npx", "--no-install", "openapi-typescript", "generated/openapi.json", "--output", "generated/schema.d.ts");
        Run("npx", "--no-install", "tsc", "-p", "tsconfig.json");
        Run("node", "--test", "--test-reporter=spec", "dist/");
    }

    private void Run(string file, params string[] arguments)
    {
        Skip.IfNot(Directory.Exists(Path.Combine(Clients, "node_modules")),
            "tests/clients/node_modules is missing: run `npm ci` in tests/clients (Node.js 20+) to run the generated-client tests");
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

        public async Task WriteDocumentAsync()
        {
            using var http = new HttpClient { BaseAddress = BaseUrl };
            var document = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
            Directory.CreateDirectory(Path.Combine(Clients, "generated"));
            await File.WriteAllTextAsync(Path.Combine(Clients, "generated", "openapi.json"), document);
        }

        public void Dispose() => _server.Dispose();
    }
}
