using System.Net;
using System.Text;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Interchange;

public sealed class ImportApiTests
{
    private const string ActorsHeader = "id,name,aliases,kind,country,city,sectors,website,description,sources\n";
    private const string RelationshipsHeader = "id,source,target,type,since,until,strength,eventName,eventDate,eventPlace,note,evidenceDocument,evidenceSection,evidenceQuote,inferred\n";
    private const string TwoActors = ActorsHeader + "kicox,KICOX,한국산업단지공단,Agency,KR,,policy,,,\npole-eau,Pôle Eau,,Cluster,FR,,water,,,\n";
    private const string OneTie = RelationshipsHeader + "t1,pole-eau,kicox,MOU,2016-05,,,,,,,Doc,3.2,\"a quote, with comma\",false\n";

    [Fact]
    public async Task Importing_the_seed_csvs_into_an_empty_store_gives_exactly_the_shipped_dataset()
    {
        using var seeded = new GraphApiFactory(seed: true);
        using var empty = new GraphApiFactory(seed: false);
        var client = empty.CreateClient();

        var response = await client.ImportCsvAsync(InterchangeClient.SeedActors, InterchangeClient.SeedRelationships);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadJsonAsync();
        var rows = (Actors: DataRows(InterchangeClient.SeedActors), Relationships: DataRows(InterchangeClient.SeedRelationships));
        Assert.Equal(rows, ((int)summary["actorsCreated"]!, (int)summary["relationshipsCreated"]!));
        Assert.Equal(rows, (empty.Snapshot().ActorCount, empty.Snapshot().RelationshipCount));
        Assert.Equal(await seeded.CreateClient().ContentAsync(), await client.ContentAsync());
    }

    [Fact]
    public async Task Csv_export_imports_back_into_an_empty_store_as_the_same_graph()
    {
        using var seeded = new GraphApiFactory(seed: true);
        using var empty = new GraphApiFactory(seed: false);
        var (actors, relationships) = await InterchangeClient.UnzipCsvAsync(await seeded.CreateClient().GetAsync("/api/export?format=csv"));

        var response = await empty.CreateClient().ImportCsvAsync(actors, relationships);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await seeded.CreateClient().ContentAsync(), await empty.CreateClient().ContentAsync());
    }

    [Fact]
    public async Task Json_export_imports_back_into_an_empty_store_as_the_same_graph()
    {
        using var seeded = new GraphApiFactory(seed: true);
        using var empty = new GraphApiFactory(seed: false);
        var json = await seeded.CreateClient().GetStringAsync("/api/export?format=json");

        var response = await empty.CreateClient().ImportJsonAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await seeded.CreateClient().ContentAsync(), await empty.CreateClient().ContentAsync());
    }

    public static TheoryData<string, string, string, int, string?> MalformedCsv => new()
    {
        // case, actors.csv, relationships.csv, line, column (file is named in the case's expectation below)
        { "missing column", ActorsHeader.Replace(",kind", "", StringComparison.Ordinal) + "aa,A,,FR,,,,,\n", RelationshipsHeader, 1, "kind" },
        { "bad quoting", TwoActors + "bb,B \"the\" cluster,,Cluster,FR,,,,,\n", RelationshipsHeader, 4, null },
        { "unknown type", TwoActors, RelationshipsHeader + "t1,pole-eau,kicox,KNOWS,,,,,,,,,,,false\n", 2, "type" },
        { "unknown kind", TwoActors + "bb,B,,Blob,FR,,,,,\n", RelationshipsHeader, 4, "kind" },
        { "dangling reference", TwoActors, RelationshipsHeader + "t1,pole-eau,nobody,MOU,,,,,,,,,,,false\n", 2, "target" },
        { "duplicate id", TwoActors + "kicox,KICOX again,,Agency,KR,,,,,\n", RelationshipsHeader, 4, "id" },
        { "bad date", TwoActors, RelationshipsHeader + "t1,pole-eau,kicox,MOU,2016-13,,,,,,,,,,false\n", 2, "since" },
    };

    [Theory]
    [MemberData(nameof(MalformedCsv))]
    public async Task Malformed_csv_is_rejected_with_its_line_and_nothing_is_written(
        string name, string actors, string relationships, int line, string? column)
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.ImportCsvAsync(ActorsHeader + "existing,Existing,,Cluster,DE,,,,,\n", null)).StatusCode);
        var version = await factory.StoreVersionAsync();

        var response = await client.ImportCsvAsync(actors, relationships);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        var error = Assert.Single(problem.ImportErrors());
        var file = name is "unknown type" or "dangling reference" or "bad date" ? "relationships.csv" : "actors.csv";
        Assert.Equal((file, line, column), ((string)error!["file"]!, (int)error["line"]!, (string?)error["column"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.NotEmpty(problem["errors"]!.AsObject());
        Assert.Equal(version, await factory.StoreVersionAsync());
        Assert.Equal(1, factory.Snapshot().ActorCount);
    }

    [Fact]
    public async Task Every_error_is_listed_not_just_the_first()
    {
        using var factory = new GraphApiFactory(seed: false);
        var response = await factory.CreateClient().ImportCsvAsync(
            TwoActors + "bb,B,,Blob,FR,,,,,\ncc,,,Cluster,XX,,,,,\n",
            RelationshipsHeader + "t1,pole-eau,kicox,KNOWS,,,,,,,,,,,false\nt2,pole-eau,kicox,MOU,2016-13,,,,,,,,,,false\n");

        var errors = (await response.ReadJsonAsync()).ImportErrors();
        Assert.Equal(5, errors.Count);
        Assert.Equal(
            ["actors.csv:4:kind", "actors.csv:5:country", "actors.csv:5:name", "relationships.csv:2:type", "relationships.csv:3:since"],
            errors.Select(e => $"{e!["file"]}:{e["line"]}:{e["column"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dry_run_reports_what_would_happen_and_writes_nothing()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        await client.ImportCsvAsync(ActorsHeader + "kicox,KICOX,,Agency,KR,,,,,\n", null);
        var version = await factory.StoreVersionAsync();

        var response = await client.ImportCsvAsync(TwoActors, OneTie, dryRun: true);

        var summary = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, 1, 1, 1, 0), ((bool)summary["dryRun"]!, (int)summary["actorsCreated"]!, (int)summary["actorsUpdated"]!,
            (int)summary["relationshipsCreated"]!, (int)summary["relationshipsUpdated"]!));
        Assert.Equal(version, (long)summary["version"]!);
        Assert.Equal(version, await factory.StoreVersionAsync());
        Assert.Equal(1, factory.Snapshot().ActorCount);
    }

    [Fact]
    public async Task Upserts_by_id_in_one_commit_and_keeps_etags_in_step_with_the_store()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        var first = await (await client.ImportCsvAsync(TwoActors, OneTie)).ReadJsonAsync();
        var second = await (await client.ImportCsvAsync(TwoActors.Replace("Pôle Eau", "Pôle Eau (renamed)", StringComparison.Ordinal), OneTie)).ReadJsonAsync();

        Assert.Equal((2, 0, 1, 0), ((int)first["actorsCreated"]!, (int)first["actorsUpdated"]!, (int)first["relationshipsCreated"]!, (int)first["relationshipsUpdated"]!));
        Assert.Equal((0, 2, 0, 1), ((int)second["actorsCreated"]!, (int)second["actorsUpdated"]!, (int)second["relationshipsCreated"]!, (int)second["relationshipsUpdated"]!));
        Assert.Equal((long)first["version"]! + 1, (long)second["version"]!);
        var actor = await client.GetAsync("/api/actors/pole-eau");
        Assert.Equal("Pôle Eau (renamed)", (string)(await actor.ReadJsonAsync())["name"]!);
        Assert.Equal("\"2\"", actor.Headers.ETag?.Tag);
        var update = new HttpRequestMessage(HttpMethod.Put, "/api/actors/pole-eau")
        {
            Content = new StringContent("""{"name":"Pôle Eau","kind":"Cluster","country":"FR"}""", Encoding.UTF8, "application/json"),
        };
        update.Headers.IfMatch.Add(actor.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(update)).StatusCode);
    }

    [Fact]
    public async Task Relationships_may_reference_actors_already_in_the_store()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        await client.ImportCsvAsync(TwoActors, null);

        var response = await client.ImportCsvAsync(null, OneTie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pole-eau", factory.Snapshot().FindRelationship("t1")?.Source);
    }

    [Fact]
    public async Task Reimporting_an_export_keeps_the_contact_details_that_exports_leave_out()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        await client.PostRawAsync("/api/actors", """{"id":"jane-doe","name":"Jane Doe","kind":"Person","country":"FR","contact":{"email":"jane@example.org"}}""");
        var csv = await client.GetStringAsync("/api/export?format=csv&part=actors");
        Assert.DoesNotContain("jane@example.org", csv, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.ImportCsvAsync(csv, null)).StatusCode);

        Assert.Equal("jane@example.org", factory.Snapshot().FindActor("jane-doe")?.Contact?.Email);
    }

    [Fact]
    public async Task Json_errors_are_located_by_path()
    {
        using var factory = new GraphApiFactory(seed: false);
        var response = await factory.CreateClient().ImportJsonAsync("""
            {"actors":[{"id":"aa","name":"A","kind":"Cluster","country":"FR"},{"id":"bb","name":"B","kind":"Blob","country":"FR"},
                       {"id":"aa","name":"A2","kind":"Cluster","country":"FR"}],
             "relationships":[{"id":"t1","source":"aa","target":"zz","type":"MOU"}]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).ImportErrors().Select(e => (string)e!["path"]!).Order(StringComparer.Ordinal);
        Assert.Equal(["$.actors[1].kind", "$.actors[2].id", "$.relationships[0].target"], paths);
        Assert.Equal(0, await factory.StoreVersionAsync());
    }

    [Fact]
    public async Task Malformed_json_is_rejected_with_its_line_and_column_like_every_body()
    {
        using var factory = new GraphApiFactory(seed: false);
        var response = await factory.CreateClient().ImportJsonAsync("{\"actors\":[\n{\"id\":\"aa\",,}]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), "body"));
        Assert.Contains("line 2, column", message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.StoreVersionAsync());
    }

    [Fact]
    public async Task Other_media_types_are_answered_415_naming_both_that_are_read()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        var plain = await client.PostRawAsync("/api/import", "id,name", "text/plain");
        var untyped = await client.PostAsync("/api/import", new ByteArrayContent(Encoding.UTF8.GetBytes("id,name")));

        foreach (var response in new[] { plain, untyped })
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = (string)(await response.ReadJsonAsync())["detail"]!;
            Assert.Contains("application/json", detail, StringComparison.Ordinal);
            Assert.Contains("multipart/form-data", detail, StringComparison.Ordinal);
        }
        Assert.Contains("text/plain", (string)(await plain.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_over_the_size_limit_are_answered_413_whether_or_not_they_announce_their_length()
    {
        using var factory = new GraphApiFactory(seed: false);
        factory.Settings["Limits:MaxImportBodyBytes"] = "2000";
        var client = factory.CreateClient();
        var big = TwoActors + string.Concat(Enumerable.Range(0, 100).Select(i => $"actor-{i},Actor {i},,Cluster,FR,,,,,\n"));

        var announced = await client.ImportCsvAsync(big, null);
        var chunked = await client.PostAsync("/api/import", new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(
            "{\"actors\":[" + string.Join(',', Enumerable.Range(0, 100).Select(i => $"{{\"id\":\"actor-{i}\",\"name\":\"A\",\"kind\":\"Cluster\",\"country\":\"FR\"}}")) + "]}")))
        {
            Headers = { ContentType = new("application/json") },
        });

        foreach (var response in new[] { announced, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, await factory.StoreVersionAsync());
    }

    [Fact]
    public async Task Imports_over_the_row_limit_are_answered_413()
    {
        using var factory = new GraphApiFactory(seed: false);
        factory.Settings["Import:MaxRows"] = "2";
        var response = await factory.CreateClient().ImportCsvAsync(TwoActors + "bb,B,,Cluster,FR,,,,,\n", null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("more than 2 rows", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_synthetic_graph_of_thousands_of_actors_imports_in_one_request()
    {
        using var factory = new GraphApiFactory(seed: false);
        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = 5_000, RelationshipsPerActor = 2, Seed = 7 });
        var (actors, relationships) = await network.ToCsvAsync();

        var response = await factory.CreateClient().ImportCsvAsync(actors, relationships);

        var summary = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = (network.Actors.Count, network.Relationships.Count);
        Assert.Equal(expected, ((int)summary["actorsCreated"]!, (int)summary["relationshipsCreated"]!));
        var stored = await factory.Services.GetRequiredService<GraphService>().Store.LoadAsync(CancellationToken.None);
        Assert.Equal(expected, (stored.Actors.Count, stored.Relationships.Count));
        Assert.Equal(factory.Snapshot().ActorCount, stored.Actors.Count);
    }

    private static int DataRows(string csv) => CsvReader.Read(new StringReader(csv), "seed", []).Count() - 1;

    /// <summary>A body with no length, so the server sees a chunked request.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
