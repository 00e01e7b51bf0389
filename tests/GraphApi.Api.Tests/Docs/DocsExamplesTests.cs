using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Api.Tests.Contract;

namespace GraphApi.Api.Tests.Docs;

/// <summary>
/// The README's and docs pages' curl examples against the service: each names an operation, parameters and body
/// fields the OpenAPI document declares, and each read (GET, HEAD, the POST questions of routes and analyses) that
/// needs no value computed on the page is sent to the app on the shipped dataset and answers as its text says —
/// success, or the refusal the text names. The typed-client tour (tests/clients) checks the README tour's answers.
/// </summary>
public sealed class DocsExamplesTests(DocsExamplesTests.SeededApp app) : IClassFixture<DocsExamplesTests.SeededApp>
{
    /// <summary>
    /// One app on the shipped dataset for every page's reads, with the keys the pages name: the default client's for
    /// <c>$KEY</c> and any other, and <c>$ACME_KEY</c>, an editor bound to the workspace "acme" that docs/workspaces.md
    /// creates before using it.
    /// </summary>
    public sealed class SeededApp : IDisposable
    {
        public const string AcmeKey = "acme-editor-key-docs-0001";

        public SeededApp()
        {
            Factory.Settings["Security:Keys:20:Name"] = "acme-docs";
            Factory.Settings["Security:Keys:20:Hash"] = Security.TestKeys.Sha256Hex(AcmeKey);
            Factory.Settings["Security:Keys:20:Role"] = "editor";
            Factory.Settings["Security:Keys:20:Workspace"] = "acme";
        }

        public GraphApiFactory Factory { get; } = new(seed: true);

        public HttpClient ClientFor(CurlExample example) => example.KeyVariable == "ACME_KEY" ? Security.TestKeys.ClientWithKey(Factory, AcmeKey) : Factory.CreateClient();

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>The pages with at least one curl example (a page without any has nothing to check).</summary>
    public static TheoryData<string> Pages => new(DocsPages.All().Select(p => p.Name).Where(p => DocsPages.Examples(p).Count > 0));

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_example_names_a_declared_operation_its_parameters_and_body_fields(string page)
    {
        var problems = new List<string>();
        // Only the service's own operations (not /openapi/v1.json or the explorer), and not the calls shown refused.
        foreach (var example in DocsPages.Examples(page).Where(e => e.ServiceTarget?.StartsWith("/api/", StringComparison.Ordinal) == true && !e.ShowsARefusal))
        {
            problems.AddRange(ExampleShape.Check(ContractDocument.Current, example).Select(p => $"{example}: {p}"));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_example_answers_as_the_page_says(string page)
    {
        var problems = new List<string>();
        var sent = 0;
        var log = new List<string>();
        foreach (var example in DocsPages.Examples(page).Where(IsRunnable))
        {
            sent++;
            using var request = new HttpRequestMessage(new HttpMethod(example.Method), example.ServiceTarget);
            if (example.Body is { } body)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }
            using var client = app.ClientFor(example);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            log.Add($"{example}: {status}");
            if (status >= 500 || (status >= 400 && !example.Expects(status) && !(status == 400 && example.ShowsARefusal)))
            {
                problems.Add($"{example}: {status} {text}");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} of {sent} examples:\n" + string.Join('\n', problems) + "\nsent:\n" + string.Join('\n', log));
    }

    /// <summary>
    /// Calls that need nothing the page computes in shell (a variable, a loop, a file): sent in page order, writes
    /// included, so a read after the page's own write sees it as the page says.
    /// </summary>
    private static bool IsRunnable(CurlExample example) =>
        example.ServiceTarget is not null && !example.NeedsShellValues;
}

/// <summary>The markdown pages whose examples are checked: the README and every docs page but the benchmark log.</summary>
public static class DocsPages
{
    public static IEnumerable<(string Name, string Path)> All()
    {
        var root = RepositoryRoot();
        yield return ("README.md", Path.Combine(root, "README.md"));
        foreach (var path in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            // performance.md's commands run benchmarks on generated graphs of 100k actors, not the shipped dataset.
            if (Path.GetFileName(path) != "performance.md")
            {
                yield return ("docs/" + Path.GetFileName(path), path);
            }
        }
    }

    public static IReadOnlyList<CurlExample> Examples(string page) =>
        [.. CurlExample.Read(page, File.ReadAllText(All().Single(p => p.Name == page).Path))];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GraphApi.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("no GraphApi.sln above the test binaries");
    }
}

/// <summary>Checks one example's operation, query parameter names and JSON body fields against the document.</summary>
public static class ExampleShape
{
    public static IEnumerable<string> Check(ApiDocument document, CurlExample example)
    {
        var target = example.ServiceTarget!;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var method = example.Method == "HEAD" ? "GET" : example.Method;
        var operation = document.Operations.FirstOrDefault(o => o.Method == method && Matches(o.Path, path));
        if (operation is null)
        {
            yield return $"no {method} operation for {path} in the OpenAPI document";
            yield break;
        }
        var declared = (operation.Node["parameters"]?.AsArray() ?? []).Select(p => (string?)p?["name"]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in question < 0 ? [] : target[(question + 1)..].Split('&').Select(p => p.Split('=')[0]))
        {
            if (!declared.Contains(name))
            {
                yield return $"query parameter '{name}' is not declared by {operation.Id}";
            }
        }
        if (example.Body is { } body && body.TrimStart().StartsWith('{') && !body.Contains('$', StringComparison.Ordinal))
        {
            foreach (var problem in BodyFields(document, operation, body))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> BodyFields(ApiDocument document, ApiOperation operation, string body)
    {
        var schema = Resolve(document, operation.Node["requestBody"]?["content"]?["application/json"]?["schema"]);
        if (schema?["properties"] is not JsonObject properties)
        {
            yield break;
        }
        if (JsonNode.Parse(body) is not JsonObject sent)
        {
            yield return "the body is not a JSON object";
            yield break;
        }
        foreach (var (name, _) in sent)
        {
            if (!properties.ContainsKey(name))
            {
                yield return $"body field '{name}' is not in the request schema of {operation.Id}";
            }
        }
    }

    private static JsonNode? Resolve(ApiDocument document, JsonNode? schema) =>
        schema?["$ref"] is JsonValue reference && ((string?)reference)?.Split('/')[^1] is { } name
            ? document.Root["components"]?["schemas"]?[name]
            : schema;

    private static bool Matches(string template, string path)
    {
        var want = template.Split('/');
        var have = path.Split('/');
        return want.Length == have.Length
            && want.Zip(have).All(p => p.First.StartsWith('{') || string.Equals(p.First, WebUtility.UrlDecode(p.Second), StringComparison.Ordinal));
    }
}
