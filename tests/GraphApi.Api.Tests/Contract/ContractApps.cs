using System.Net.Http.Headers;
using System.Text;
using GraphApi.Api.Tests.Security;

namespace GraphApi.Api.Tests.Contract;

/// <summary>A request an operation is probed with: method, URL and, for operations that read one, a JSON body.</summary>
public sealed record Probe(HttpMethod Method, string Url, string? Json = null)
{
    public Probe WithQuery(string parameter) => this with { Url = Url + (Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parameter };

    public HttpRequestMessage ToRequest(string? key, string contentType = "application/json", string? body = null)
    {
        var request = new HttpRequestMessage(Method, Url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        if ((body ?? Json) is { } content)
        {
            request.Content = new StringContent(content, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return request;
    }

    public override string ToString() => $"{Method} {Url}";
}

/// <summary>One app the contract is probed on, with helpers that make the records an operation needs.</summary>
public sealed class ContractApp(GraphApiFactory factory) : IDisposable
{
    private static int _next;

    public GraphApiFactory Factory { get; } = factory.WithRoleKeys();

    // Redirects are answers to check (a merged id's 301), not to follow.
    private HttpClient Anonymous => _anonymous ??= AnonymousClient();

    private HttpClient? _anonymous;

    /// <summary>Sends <paramref name="probe"/> with <paramref name="key"/> (the admin key unless another is named; null for none).</summary>
    public Task<HttpResponseMessage> SendAsync(Probe probe, string? key = GraphApiFactory.AdminKey, string contentType = "application/json", string? body = null, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var request = probe.ToRequest(key, contentType, body);
        configure?.Invoke(request);
        return Anonymous.SendAsync(request);
    }

    private HttpClient AnonymousClient()
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    public static string NewId(string prefix) => $"contract-{prefix}-{Interlocked.Increment(ref _next)}";

    public async Task<string> CreateActorAsync()
    {
        var id = NewId("actor");
        await ExpectAsync(new Probe(HttpMethod.Post, "/api/actors", $$"""{"id":"{{id}}","name":"Contract {{id}}","kind":"Company","country":"FR"}"""), 201);
        return id;
    }

    public async Task<string> CreateTieAsync(string source, string target)
    {
        var id = NewId("tie");
        await ExpectAsync(new Probe(HttpMethod.Post, "/api/relationships", $$"""{"id":"{{id}}","source":"{{source}}","target":"{{target}}","type":"MOU"}"""), 201);
        return id;
    }

    /// <summary>An introduction asked along a one-hop route between two new actors; its id.</summary>
    public async Task<string> AskAsync()
    {
        var (from, to) = (await CreateActorAsync(), await CreateActorAsync());
        var tie = await CreateTieAsync(from, to);
        var ask = await ExpectAsync(new Probe(HttpMethod.Post, "/api/introductions",
            $$"""{"requester":"{{from}}","target":"{{to}}","route":{"path":["{{from}}","{{to}}"],"relationships":["{{tie}}"]},"date":"2024-04-01"}"""), 201);
        return (string)(await ask.ReadJsonAsync())["id"]!;
    }

    /// <summary>Takes an ask (see <see cref="AskAsync"/>) to its agreement: its one step forwarded, a meeting, the agreement.</summary>
    public async Task AgreeAsync(string introduction)
    {
        foreach (var json in new[]
        {
            """{"type":"forwarded","step":1,"date":"2024-04-02"}""",
            """{"type":"met","date":"2024-04-03"}""",
            """{"type":"agreement","date":"2024-04-04","evidence":"signed"}""",
        })
        {
            await ExpectAsync(new Probe(HttpMethod.Post, $"/api/introductions/{introduction}/events", json), 201);
        }
    }

    private async Task<HttpResponseMessage> ExpectAsync(Probe probe, int status)
    {
        var response = await SendAsync(probe);
        if ((int)response.StatusCode != status)
        {
            throw new InvalidOperationException($"setting up the contract probe: {probe} answered {(int)response.StatusCode}, not {status}: {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }

    public void Dispose()
    {
        _anonymous?.Dispose();
        Factory.Dispose();
    }
}

/// <summary>
/// The apps the contract is probed on, each started when first needed: the seeded writable app; one with tiny body
/// limits (413); one with a rate limit of one request (429); one whose single analysis slot the test holds (503); one
/// whose store sits on a small disk the test can turn read-only (503 on writes; needs root to mount it).
/// </summary>
public sealed class ContractApps : IDisposable
{
    private (SmallDisk Disk, ContractApp App)? _readOnlyStore;
    private bool _mountTried;

    private readonly Lazy<ContractApp> _main = new(() => new ContractApp(new GraphApiFactory(seed: true)));
    private readonly Lazy<ContractApp> _smallBodies = new(() => App(seed: true, ("Limits:MaxRequestBodyBytes", "1024"), ("Limits:MaxImportBodyBytes", "1024")));
    private readonly Lazy<ContractApp> _oneRequest = new(() => App(seed: true, ("RateLimit:PermitLimit", "1"), ("RateLimit:AnonymousAnalysisPermitLimit", "1"), ("RateLimit:WindowSeconds", "3600")));
    private readonly Lazy<ContractApp> _oneSlot = new(() => App(seed: true, ("Analysis:MaxConcurrent", "1"), ("Analysis:SlotWaitSeconds", "0"), ("Analysis:RetryAfterSeconds", "7")));

    public ContractApp Main => _main.Value;

    public ContractApp SmallBodies => _smallBodies.Value;

    public ContractApp OneRequest => _oneRequest.Value;

    public ContractApp OneSlot => _oneSlot.Value;

    /// <summary>The seeded app over a store on a disk of its own, or null (see <see cref="ReadOnlyStoreUnavailable"/>).</summary>
    public (SmallDisk Disk, ContractApp App)? ReadOnlyStore
    {
        get
        {
            if (!_mountTried)
            {
                _mountTried = true;
                var (disk, reason) = SmallDisk.TryMount(megabytes: 32);
                ReadOnlyStoreUnavailable = reason;
                if (disk is not null)
                {
                    var factory = new GraphApiFactory(seed: true);
                    factory.Settings["Sqlite:Path"] = Path.Combine(disk.Path, "graph.db");
                    var app = new ContractApp(factory);
                    // Started (and seeded) while the disk is writable: only writes are to meet a read-only store.
                    app.SendAsync(new Probe(HttpMethod.Get, "/api/actors/kicox")).GetAwaiter().GetResult().EnsureSuccessStatusCode();
                    _readOnlyStore = (disk, app);
                }
            }
            return _readOnlyStore;
        }
    }

    public string? ReadOnlyStoreUnavailable { get; private set; }

    private static ContractApp App(bool seed, params (string Key, string Value)[] settings)
    {
        var factory = new GraphApiFactory(seed);
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
        return new ContractApp(factory);
    }

    public void Dispose()
    {
        foreach (var app in new[] { _main, _smallBodies, _oneRequest, _oneSlot }.Where(a => a.IsValueCreated))
        {
            app.Value.Dispose();
        }
        if (_readOnlyStore is var (disk, store))
        {
            store.Dispose();
            disk.Dispose();
        }
    }
}
