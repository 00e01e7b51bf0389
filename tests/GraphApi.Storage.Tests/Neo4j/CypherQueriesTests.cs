using GraphApi.Core.Domain;
using GraphApi.Neo4j;

namespace GraphApi.Storage.Tests.Neo4j;

public sealed class CypherQueriesTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GraphApi.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("GraphApi.sln not found above the test binaries");
    }

    [Fact]
    public void Every_file_of_cypher_queries_is_embedded_and_loads_by_name()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "cypher", "queries"), "*.cypher")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        var embedded = typeof(Neo4jOptions).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("cypher/queries/", StringComparison.Ordinal))
            .Select(n => n["cypher/queries/".Length..^".cypher".Length]).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(files);
        Assert.Equal(files, embedded);
        Assert.All(files, name => Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot(), "cypher", "queries", name + ".cypher")), CypherQueries.Get(name)));
    }

    [Fact]
    public void A_per_type_statement_takes_a_catalogue_name_in_place_of_the_placeholder()
    {
        var statement = CypherQueries.ForType("relationship-create", "BOARD_MEMBER_OF", RelationshipTypeCatalogue.Default);

        Assert.Contains("CREATE (s)-[r:BOARD_MEMBER_OF]->(t)", statement, StringComparison.Ordinal);
        Assert.DoesNotContain(CypherQueries.TypePlaceholder, statement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mou")]
    [InlineData("MOU]->(t) DETACH DELETE s //")]
    [InlineData("LIKES")]
    public void Names_outside_the_catalogue_never_reach_a_statement(string type) =>
        Assert.Throws<ArgumentException>(() => CypherQueries.ForType("relationship-create", type, RelationshipTypeCatalogue.Default));

    [Fact]
    public void A_configured_type_that_is_not_a_plain_upper_case_name_is_refused_too()
    {
        var catalogue = new RelationshipTypeCatalogue([new RelationshipType("CO-FUNDS`]->() DELETE x", false, 0.5, "hostile")]);

        Assert.Throws<ArgumentException>(() => CypherQueries.ForType("relationship-create", catalogue.All[0].Name, catalogue));
    }

    [Fact]
    public void The_schema_splits_into_statements_at_semicolons_that_end_lines()
    {
        var statements = CypherQueries.Schema();

        Assert.StartsWith("CREATE CONSTRAINT actor_id IF NOT EXISTS", statements[0], StringComparison.Ordinal);
        Assert.Contains(statements, s => s.StartsWith("CREATE FULLTEXT INDEX actor_names", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.StartsWith("MERGE (v:GraphVersion {key: 'graph'})", StringComparison.Ordinal));
        Assert.StartsWith("CREATE INDEX audit_entry_who IF NOT EXISTS", statements[^1], StringComparison.Ordinal);
        Assert.All(statements, s => Assert.False(s.EndsWith(';'), s));
        Assert.All(RelationshipTypeCatalogue.Default.All,
            t => Assert.Contains(statements, s => s.Contains($"FOR ()-[r:{t.Name}]-() REQUIRE r.id IS UNIQUE", StringComparison.Ordinal)));
    }

    [Fact]
    public void Splitting_keeps_comments_inside_a_statement_and_drops_those_between_statements()
    {
        var statements = CypherQueries.Split("// header\nMATCH (n)\n// inside\nRETURN n;\n\n// between\nRETURN 1;\n");

        Assert.Equal(["MATCH (n)\n// inside\nRETURN n", "RETURN 1"], statements.Select(s => s.ReplaceLineEndings("\n")));
    }
}
