using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Core.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Interchange;

/// <summary>Helpers for import/export tests: multipart bodies, the store's version, reading a zip export.</summary>
public static class InterchangeClient
{
    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seed");

    public static string SeedActors => File.ReadAllText(Path.Combine(SeedFolder, "actors.csv"));

    public static string SeedRelationships => File.ReadAllText(Path.Combine(SeedFolder, "relationships.csv"));

    public static MultipartFormDataContent Csv(string? actors, string? relationships)
    {
        var form = new MultipartFormDataContent();
        if (actors is not null)
        {
            form.Add(CsvFile(actors), "actors", "actors.csv");
        }
        if (relationships is not null)
        {
            form.Add(CsvFile(relationships), "relationships", "relationships.csv");
        }
        return form;
    }

    private static ByteArrayContent CsvFile(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    public static Task<HttpResponseMessage> ImportCsvAsync(this HttpClient client, string? actors, string? relationships, bool dryRun = false) =>
        client.PostAsync(dryRun ? "/api/import?dryRun=true" : "/api/import", Csv(actors, relationships));

    public static Task<HttpResponseMessage> ImportJsonAsync(this HttpClient client, string json) =>
        client.PostRawAsync("/api/import", json);

    public static Task<long> StoreVersionAsync(this GraphApiFactory factory) =>
        factory.Services.GetRequiredService<GraphService>().Store.GetVersionAsync(CancellationToken.None);

    public static GraphSnapshot Snapshot(this GraphApiFactory factory) => factory.Services.GetRequiredService<GraphService>().Snapshot;

    /// <summary>The JSON export without its version, for comparing two stores' content.</summary>
    public static async Task<string> ContentAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/api/export?format=json");
        response.EnsureSuccessStatusCode();
        var json = await response.ReadJsonAsync();
        json.AsObject().Remove("version");
        return json.ToJsonString();
    }

    public static async Task<(string Actors, string Relationships)> UnzipCsvAsync(HttpResponseMessage response)
    {
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        return (Read(zip, "actors.csv"), Read(zip, "relationships.csv"));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static JsonArray ImportErrors(this JsonNode problem) => problem["importErrors"]!.AsArray();
}
