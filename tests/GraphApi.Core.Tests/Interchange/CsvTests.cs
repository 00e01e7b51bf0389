using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Tests.Interchange;

public class CsvTests
{
    private const string ActorsHeader = "id,name,aliases,kind,country,city,sectors,website,description,sources\n";
    private const string RelationshipsHeader = "id,source,target,type,since,until,strength,eventName,eventDate,eventPlace,note,evidenceDocument,evidenceSection,evidenceQuote,inferred\n";

    private static CsvGraph Read(string actors, string relationships) =>
        GraphCsv.Read(new StringReader(actors), "actors.csv", new StringReader(relationships), "relationships.csv", RelationshipTypeCatalogue.Default);

    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var errors = new List<CsvError>();
        var records = CsvReader.Read(new StringReader("a,b\n\"x, \"\"y\"\"\",\"line1\nline2\"\nlast,row"), "f.csv", errors).ToList();
        Assert.Empty(errors);
        Assert.Equal(["x, \"y\"", "line1\nline2"], records[1].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Reports_bad_quoting_with_its_line()
    {
        var errors = new List<CsvError>();
        _ = CsvReader.Read(new StringReader("a,b\nok,fine\nbro\"ken,x\n"), "f.csv", errors).ToList();
        Assert.Equal(3, Assert.Single(errors).Line);
    }

    [Fact]
    public void Reports_an_unclosed_quote()
    {
        var errors = new List<CsvError>();
        _ = CsvReader.Read(new StringReader("a,b\n\"never closed,x\n"), "f.csv", errors).ToList();
        Assert.Contains("never closed", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_a_small_graph_with_lists_dates_and_evidence()
    {
        var graph = Read(
            ActorsHeader + "kicox,KICOX,한국산업단지공단|KICOX,Agency,KR,,policy|manufacturing,,,report §2\npole-eau,Pôle Eau,,Cluster,FR,,water,,,\n",
            RelationshipsHeader + "t1,pole-eau,kicox,MOU,2016-05,,,,,,,Doc,3.2,\"a quote, with comma\",false\n");
        Assert.True(graph.IsValid, string.Join("\n", graph.Errors));
        Assert.Equal(["한국산업단지공단", "KICOX"], graph.Actors[0].Aliases);
        var tie = Assert.Single(graph.Relationships);
        Assert.Equal("2016-05", tie.Since.ToString());
        Assert.Equal("a quote, with comma", tie.Evidence?.Quote);
    }

    [Theory]
    [InlineData("t1,pole-eau,kicox,KNOWS,,,,,,,,,,,false", "type")]
    [InlineData("t1,pole-eau,nobody,MOU,,,,,,,,,,,false", "target")]
    [InlineData("t1,pole-eau,kicox,MOU,2016-13,,,,,,,,,,false", "since")]
    [InlineData("t1,pole-eau,kicox,MOU,,,1.5,,,,,,,,false", "strength")]
    [InlineData("t1,pole-eau,kicox,MOU,,,,,,,,,,,maybe", "inferred")]
    public void Rejects_a_bad_relationship_row_naming_line_and_column(string row, string column)
    {
        var graph = Read(ActorsHeader + "kicox,KICOX,,Agency,KR,,,,,\npole-eau,Pole,,Cluster,FR,,,,,\n", RelationshipsHeader + row + "\n");
        var error = Assert.Single(graph.Errors);
        Assert.Equal((2, column), (error.Line, error.Column));
    }

    [Fact]
    public void Rejects_duplicate_ids_unknown_kinds_and_missing_columns()
    {
        var graph = Read(ActorsHeader + "aa,A,,Cluster,FR,,,,,\naa,A again,,Cluster,FR,,,,,\nbb,B,,Blob,FR,,,,,\n", "id,source,target\n");
        Assert.Contains(graph.Errors, e => e is { File: "actors.csv", Line: 3, Column: "id" });
        Assert.Contains(graph.Errors, e => e is { File: "actors.csv", Line: 4, Column: "kind" });
        Assert.Contains(graph.Errors, e => e is { File: "relationships.csv", Line: 1, Column: "type" });
    }

    [Fact]
    public void Rejects_rows_with_the_wrong_number_of_fields()
    {
        var graph = Read(ActorsHeader + "aa,A,,Cluster,FR\n", RelationshipsHeader);
        Assert.Contains("fields", Assert.Single(graph.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streaming_hands_on_rows_until_the_first_error_and_still_lists_every_error()
    {
        var sink = new RecordingSink();
        var errors = GraphCsv.Stream(
            new StringReader(ActorsHeader + "aa,A,,Cluster,FR,,,,,\nbb,B,,Blob,FR,,,,,\ncc,C,,Cluster,FR,,,,,\n"), "actors.csv",
            new StringReader(RelationshipsHeader + "t1,aa,cc,MOU,,,,,,,,,,,false\nt1,aa,zz,MOU,,,,,,,,,,,false\n"), "relationships.csv",
            RelationshipTypeCatalogue.Default, knownActorIds: null, options: null, sink);

        Assert.Equal(["aa"], sink.Ids);
        Assert.Equal(
            ["actors.csv:3:kind", "relationships.csv:3:id", "relationships.csv:3:target"],
            errors.Select(e => $"{e.File}:{e.Line}:{e.Column}"));
        Assert.Contains("(first on line 2)", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streaming_a_clean_file_hands_on_every_row_in_order_actors_first()
    {
        var sink = new RecordingSink();
        var errors = GraphCsv.Stream(
            new StringReader(ActorsHeader + "aa,A,,Cluster,FR,,,,,\nbb,B,,Cluster,FR,,,,,\n"), "actors.csv",
            new StringReader(RelationshipsHeader + "t1,aa,bb,MOU,,,,,,,,,,,false\nt2,bb,old,MOU,,,,,,,,,,,false\n"), "relationships.csv",
            RelationshipTypeCatalogue.Default, knownActorIds: id => id == "old", options: null, sink);

        Assert.Empty(errors);
        Assert.Equal(["aa", "bb", "t1", "t2"], sink.Ids);
    }

    private sealed class RecordingSink : IGraphRowSink
    {
        public List<string> Ids { get; } = [];

        public void Add(Actor actor) => Ids.Add(actor.Id);

        public void Add(Relationship relationship) => Ids.Add(relationship.Id);
    }
}
