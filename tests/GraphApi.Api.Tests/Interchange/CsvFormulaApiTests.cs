using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Cli;
using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;
using GraphApi.Sqlite;

namespace GraphApi.Api.Tests.Interchange;

/// <summary>
/// Formula-looking text written through the API: the CSV export shows it to a spreadsheet as text, and importing the
/// export (API or command line) gives back exactly the records that were written.
/// </summary>
public sealed class CsvFormulaApiTests : IDisposable
{
    // What a spreadsheet would evaluate at the start of a cell, spelled out here rather than read from the code under test.
    private const string Triggers = "=+-@\t\r\n\0＝＋－＠";
    private static readonly HashSet<string> TypedColumns = ["since", "until", "strength", "eventDate", "inferred"];

    private readonly GraphApiFactory _source = new(seed: false);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-cli-tests", Guid.NewGuid().ToString("N"));

    private async Task WriteHostileRecordsAsync()
    {
        var client = _source.CreateClient();
        var writes = new[]
        {
            await client.PostAsJsonAsync("/api/actors", new
            {
                id = "formula-a", name = "=HYPERLINK(\"http://x\",\"y\")", kind = "Cluster", country = "FR",
                aliases = new[] { "+1", "-2+3", "'=x", "''", "'", "'a" }, sectors = new[] { "=water", "-energy", "@SUM(A1)" },
                city = "@SUM(A1)", website = "https://example.org/=x", description = "\t=x, then\na second line",
                sources = new[] { "＝1+1", "'＋1" },
            }),
            await client.PostAsJsonAsync("/api/actors", new
            {
                id = "formula-b", name = "'@b", kind = "Cluster", country = "KR", city = "-Seoul", description = "=",
                aliases = new[] { "＠b", "－b" },
            }),
            await client.PostAsJsonAsync("/api/relationships", new
            {
                id = "formula-ab", source = "formula-a", target = "formula-b", type = "MOU", since = "2016-05", strength = 0.5,
                note = "-2+3\r\n=on the next line",
                evidence = new { document = "@SUM(A1)", section = "+3.2", quote = "=HYPERLINK(\"http://x\",\"y\")" },
                @event = new { name = "＠event", date = "2015", place = "'=place" },
            }),
        };
        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Created, w.StatusCode));
    }

    private static void AssertNoTextCellStartsWithATrigger(string csv)
    {
        var records = CsvReader.Read(new StringReader(csv), "export.csv", []).ToList();
        var header = records[0].Fields;
        var cells = records.Skip(1).SelectMany(r => r.Fields.Where((_, i) => !TypedColumns.Contains(header[i]))).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.False(cell.Length > 0 && Triggers.Contains(cell[0], StringComparison.Ordinal), $"a cell starts with a trigger: {cell}"));
    }

    [Fact]
    public async Task Csv_export_guards_every_formula_and_imports_back_through_the_api_as_the_same_records()
    {
        await WriteHostileRecordsAsync();
        var (actors, relationships) = await InterchangeClient.UnzipCsvAsync(await _source.CreateClient().GetAsync("/api/export?format=csv"));
        AssertNoTextCellStartsWithATrigger(actors);
        AssertNoTextCellStartsWithATrigger(relationships);
        Assert.Contains("'=HYPERLINK(", actors, StringComparison.Ordinal);
        Assert.Contains("formula-ab,formula-a,formula-b,MOU,2016-05,,0.5,", relationships, StringComparison.Ordinal);

        using var target = new GraphApiFactory(seed: false);
        var response = await target.CreateClient().ImportCsvAsync(actors, relationships);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await _source.CreateClient().ContentAsync(), await target.CreateClient().ContentAsync());
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", target.Snapshot().ActorAt(target.Snapshot().IndexOf("formula-a")).Name);
    }

    [Fact]
    public async Task Csv_export_imports_back_through_the_command_line_as_the_same_records()
    {
        await WriteHostileRecordsAsync();
        var (actors, relationships) = await InterchangeClient.UnzipCsvAsync(await _source.CreateClient().GetAsync("/api/export?format=csv"));
        Directory.CreateDirectory(_folder);
        var (actorsPath, relationshipsPath, db) = (Path.Combine(_folder, "actors.csv"), Path.Combine(_folder, "relationships.csv"), Path.Combine(_folder, "graph.db"));
        await File.WriteAllTextAsync(actorsPath, actors);
        await File.WriteAllTextAsync(relationshipsPath, relationships);

        Assert.Equal(CliCommands.Ok, await CliCommands.RunAsync(["import", "--actors", actorsPath, "--relationships", relationshipsPath, "--db", db]));

        var stored = await new SqliteGraphStore(db).LoadAsync(CancellationToken.None);
        var written = _source.Snapshot();
        // Regions are derived on load, not stored: compared without them.
        Assert.Equal(Json(written.Actors.Select(a => a with { Region = Regions.Other })), Json(stored.Actors.Select(a => a with { Region = Regions.Other })));
        Assert.Equal(Json(written.Relationships), Json(stored.Relationships));
    }

    private static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values, JsonExport.ApiShape);

    public void Dispose()
    {
        _source.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
