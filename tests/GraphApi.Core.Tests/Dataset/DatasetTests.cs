using System.Text.RegularExpressions;
using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Tests.Dataset;

/// <summary>The shipped dataset in cypher/seed: valid, complete enough, and every tie backed by the report.</summary>
public partial class DatasetTests
{
    private static readonly Lazy<CsvGraph> Seed = new(() =>
    {
        var folder = Path.Combine(RepositoryRoot(), "cypher", "seed");
        using var actors = new StreamReader(Path.Combine(folder, "actors.csv"));
        using var relationships = new StreamReader(Path.Combine(folder, "relationships.csv"));
        return GraphCsv.Read(actors, "actors.csv", relationships, "relationships.csv", RelationshipTypeCatalogue.Default);
    });

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GraphApi.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("GraphApi.sln not found above the test binaries");
    }

    [Fact]
    public void Parses_without_errors_ids_unique_ends_existing() => Assert.Empty(Seed.Value.Errors);

    [Fact]
    public void Has_the_size_the_report_supports()
    {
        Assert.True(Seed.Value.Actors.Count >= 60, $"{Seed.Value.Actors.Count} actors");
        Assert.True(Seed.Value.Relationships.Count >= 80, $"{Seed.Value.Relationships.Count} relationships");
    }

    [SkippableFact]
    public void Every_relationship_cites_a_section_and_a_quote_found_in_the_report()
    {
        var reportPath = Path.Combine(RepositoryRoot(), "..", "shared", "source", "eu-korea-cluster-cooperation-report.txt");
        Skip.IfNot(File.Exists(reportPath), $"the source report is not beside this clone ({reportPath}), so quotes cannot be checked");
        var report = Collapse(File.ReadAllText(reportPath));
        var missing = Seed.Value.Relationships
            .Where(r => string.IsNullOrWhiteSpace(r.Evidence?.Section) || string.IsNullOrWhiteSpace(r.Evidence?.Quote)
                || !report.Contains(Collapse(r.Evidence.Quote), StringComparison.Ordinal))
            .Select(r => r.Id).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Inferred_ties_carry_a_lowered_strength_and_a_note()
    {
        var catalogue = RelationshipTypeCatalogue.Default;
        Assert.All(Seed.Value.Relationships.Where(r => r.Inferred), r =>
        {
            Assert.True(r.Strength < catalogue[r.Type].Strength, r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Note), r.Id);
        });
    }

    [Fact]
    public void Holds_no_personal_contact_details()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "cypher", "seed", "actors.csv"))
            + File.ReadAllText(Path.Combine(RepositoryRoot(), "cypher", "seed", "relationships.csv"));
        Assert.DoesNotMatch(EmailPattern(), text);
        Assert.DoesNotMatch(PhonePattern(), text);
    }

    [Fact]
    public void Kicox_is_findable_in_korean_and_sits_on_the_tci_board()
    {
        var kicox = Assert.Single(Seed.Value.Actors, a => a.Id == "kicox");
        Assert.Contains("한국산업단지공단", kicox.Aliases);
        Assert.Contains(Seed.Value.Relationships, r => r is { Source: "kicox", Target: "tci-network", Type: "BOARD_MEMBER_OF" });
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+82[\s\d-]{6,}|\(0\)\d")]
    private static partial Regex PhonePattern();
}
