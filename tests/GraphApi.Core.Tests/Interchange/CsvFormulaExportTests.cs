using System.Text;
using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Tests.Interchange;

/// <summary>The CSV export's formula guard on real files: which cells get it, and that the import takes it off again.</summary>
public class CsvFormulaExportTests
{
    private static readonly HashSet<string> TypedColumns = ["since", "until", "strength", "eventDate", "inferred"];

    private static GraphSnapshot Formulas() => GraphSnapshot.Build(
        [
            new Actor
            {
                Id = "aa", Name = "=HYPERLINK(\"http://x\",\"y\")", Kind = "Cluster", Country = "FR", Aliases = ["+1", "-2+3", "'=x", "''"],
                Sectors = ["@SUM(A1)", "water"], City = "'", Description = "\t=x, with a comma", Sources = ["'a", "="],
            },
            new Actor { Id = "bb", Name = "＝1+1", Kind = "Cluster", Country = "KR", City = "-Seoul", Description = "\r\n=cr first" },
        ],
        [
            new Relationship
            {
                Id = "r1", Source = "aa", Target = "bb", Type = "MOU", Since = new PartialDate(2016, 5), Strength = 0.5, Note = "-note",
                Evidence = new Evidence("@doc", "+3.2", "=HYPERLINK(\"http://x\",\"y\")"), Event = new EventInfo("＠event", new PartialDate(2015), "'@place"),
            },
        ],
        version: 1, RelationshipTypeCatalogue.Default);

    private static async Task<string> CsvAsync(Func<Stream, Task> write)
    {
        using var output = new MemoryStream();
        await write(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Every cell of every text column (typed columns and the header aside).</summary>
    private static IEnumerable<string> TextCells(string csv)
    {
        var records = CsvReader.Read(new StringReader(csv), "file.csv", []).ToList();
        var header = records[0].Fields;
        return records.Skip(1).SelectMany(r => r.Fields.Where((_, i) => !TypedColumns.Contains(header[i])));
    }

    [Fact]
    public async Task No_text_cell_starts_with_a_trigger_and_the_import_gives_back_identical_records()
    {
        var graph = ExportGraph.Whole(Formulas());
        var actors = await CsvAsync(s => GraphCsvWriter.WriteActorsAsync(graph, s, CancellationToken.None));
        var relationships = await CsvAsync(s => GraphCsvWriter.WriteRelationshipsAsync(graph, s, CancellationToken.None));

        Assert.All(TextCells(actors).Concat(TextCells(relationships)), cell =>
            Assert.False(cell.Length > 0 && CsvFormulaGuardTests.SpreadsheetTriggers.Contains(cell[0], StringComparison.Ordinal), $"cell starts with a trigger: {cell}"));
        Assert.Contains("'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")", actors, StringComparison.Ordinal);
        Assert.Contains("\"'\t=x, with a comma\"", actors, StringComparison.Ordinal);

        var back = GraphCsv.Read(new StringReader(actors), "actors.csv", new StringReader(relationships), "relationships.csv", RelationshipTypeCatalogue.Default);

        Assert.True(back.IsValid, string.Join("\n", back.Errors));
        // The import stores text as the text rule does (NFC, trimmed): a legacy value with a leading tab or line break is
        // guarded on the way out like any other, and comes back as the rule would have stored it.
        Assert.Equal(Json(Formulas().Actors.Select(a => ActorRules.Normalised(a) with { Region = Regions.Other })), Json(back.Actors));
        Assert.Equal(Json(Formulas().Relationships.Select(RelationshipRules.Normalised)), Json(back.Relationships));
    }

    [Fact]
    public async Task Typed_columns_stay_numbers_while_text_analysis_columns_are_guarded()
    {
        var snapshot = GraphSnapshot.Build(
            [new Actor { Id = "aa", Name = "A", Kind = "Cluster", Country = "FR" }, new Actor { Id = "bb", Name = "B", Kind = "Cluster", Country = "FR" }],
            // Out of the rules' range, which only a store older than them could hold: still a number, not text.
            [new Relationship { Id = "r1", Source = "aa", Target = "bb", Type = "MOU", Strength = -0.5 }],
            version: 1, RelationshipTypeCatalogue.Default);
        var graph = ExportGraph.Whole(snapshot,
        [
            new ExportColumn("score", AttributeKind.RealNumber, _ => -1.5),
            new ExportColumn("rank", AttributeKind.WholeNumber, _ => -2),
            new ExportColumn("role", AttributeKind.Text, _ => "-coordinator"),
        ]);

        var actors = await CsvAsync(s => GraphCsvWriter.WriteActorsAsync(graph, s, CancellationToken.None));
        var relationships = await CsvAsync(s => GraphCsvWriter.WriteRelationshipsAsync(graph, s, CancellationToken.None));

        Assert.Equal("aa,A,,Cluster,FR,,,,,,-1.5,-2,'-coordinator", actors.Split('\n')[1]);
        Assert.Equal("r1,aa,bb,MOU,,,-0.5,,,,,,,,false", relationships.Split('\n')[1]);
    }

    [Fact]
    public void The_seed_has_no_cell_the_import_would_unguard()
    {
        var seed = Path.Combine(Dataset.DatasetTests.RepositoryRoot(), "cypher", "seed");
        foreach (var file in new[] { "actors.csv", "relationships.csv" })
        {
            var cells = CsvReader.Read(new StringReader(File.ReadAllText(Path.Combine(seed, file))), file, []).SelectMany(r => r.Fields);
            Assert.DoesNotContain(cells, cell => CsvFormulaGuard.IsEscaped(cell.Trim()));
        }
    }

    private static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values, JsonExport.ApiShape);
}
