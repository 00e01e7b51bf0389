using System.Text;
using GraphApi.Cli;
using GraphApi.Sqlite;

namespace GraphApi.Api.Tests.Security;

/// <summary>The command line's <c>import</c> checks rows with the same text rule as the API and stores the same NFC text.</summary>
public sealed class TextRuleCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-cli-tests", Guid.NewGuid().ToString("N"));

    public TextRuleCliTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "graph.db");

    [Theory]
    [InlineData("Pôle\uFFFEEau")]
    [InlineData("\u202Egnp.exe\u200B\uFEFF")]
    [InlineData("x\uFFFF")]
    public async Task A_row_breaking_the_text_rule_is_rejected_and_nothing_is_written(string name)
    {
        var actors = Write("actors.csv", $"id,name,kind,country\naa,A,Cluster,FR\nbb,\"{name}\",Cluster,FR\n");
        Assert.Equal(CliCommands.Rejected, await CliCommands.RunAsync(["import", "--actors", actors, "--db", Db]));
        Assert.Equal(0, await new SqliteGraphStore(Db).GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Decomposed_text_is_stored_composed()
    {
        var decomposed = "Pôle Eau".Normalize(NormalizationForm.FormD);
        var actors = Write("actors.csv", $"id,name,kind,country,aliases\npole-eau,{decomposed},Cluster,FR,{decomposed} FR|한국\n");
        Assert.Equal(CliCommands.Ok, await CliCommands.RunAsync(["import", "--actors", actors, "--db", Db]));
        var stored = Assert.Single((await new SqliteGraphStore(Db).LoadAsync(CancellationToken.None)).Actors);
        Assert.Equal("Pôle Eau", stored.Name);
        Assert.Equal(["Pôle Eau FR", "한국"], stored.Aliases);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
