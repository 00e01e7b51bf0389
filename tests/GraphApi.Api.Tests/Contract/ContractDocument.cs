namespace GraphApi.Api.Tests.Contract;

/// <summary>
/// The OpenAPI document of the app as the tests run it by default (writable, an admin key, empty store), read once
/// per test run from <c>/openapi/v1.json</c>: the reference every test app's answers are checked against.
/// </summary>
public static class ContractDocument
{
    private static readonly Lazy<(string Json, ApiDocument Document)> Served = new(Load);

    public static ApiDocument Current => Served.Value.Document;

    public static string Json => Served.Value.Json;

    /// <summary>A recorder that fails every request of a test app whose answer this document does not declare (<see cref="KnownGaps"/> apart).</summary>
    public static StatusRecorder NewRecorder() => new(() => Current, KnownGaps.Tolerates);

    private static (string, ApiDocument) Load()
    {
        using var app = new GraphApiFactory(seed: false);
        var json = app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)).GetAwaiter().GetResult();
        return (json, ApiDocument.Parse(json));
    }
}
