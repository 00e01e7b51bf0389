using System.Text;
using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Tests.Interchange;

public class ExportWriterTests
{
    private static GraphSnapshot Tiny()
    {
        Actor Actor(string id, string name, string country, IReadOnlyList<string>? aliases = null) =>
            new() { Id = id, Name = name, Kind = "Cluster", Country = country, Region = Regions.Default.Of(country), Aliases = aliases ?? [] };
        return GraphSnapshot.Build(
            [
                Actor("aa", "A, \"quoted\" name", "FR", ["한국 이름", "AA"]) with { Description = "line1\r\nline2, \"quoted\"", Sectors = ["water", "energy"] },
                Actor("bb", "Bé", "KR"),
                Actor("cc", "C", "DE") with { Contact = new ContactDetails("c@example.org", "+49 1") },
                Actor("dd", "D", "KR"),
            ],
            [
                new Relationship { Id = "r1", Source = "aa", Target = "bb", Type = "MOU", Since = new PartialDate(2016, 5), Strength = 0.5,
                    Evidence = new Evidence("Report", "3.2", "they \"agreed\", in writing"), Event = new EventInfo("Day", new PartialDate(2015), "Seoul") },
                new Relationship { Id = "r2", Source = "bb", Target = "cc", Type = "SUPPORTS", Inferred = true, Note = "line1\nline2" },
                new Relationship { Id = "r3", Source = "cc", Target = "dd", Type = "MET_AT" },
            ],
            version: 7, RelationshipTypeCatalogue.Default);
    }

    public static TheoryData<ExportFormat, CsvPart> Formats => new()
    {
        { ExportFormat.GraphML, CsvPart.Both },
        { ExportFormat.Gexf, CsvPart.Both },
        { ExportFormat.Cytoscape, CsvPart.Both },
        { ExportFormat.Json, CsvPart.Both },
        { ExportFormat.Csv, CsvPart.Both },
        { ExportFormat.Csv, CsvPart.Actors },
        { ExportFormat.Csv, CsvPart.Relationships },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_format_writes_only_asynchronously_and_without_contact_details(ExportFormat format, CsvPart part)
    {
        var output = new AsyncOnlyStream();
        await GraphExporter.WriteAsync(ExportGraph.Whole(Tiny()), new ExportRequest(format, part), output, JsonExport.ApiShape, CancellationToken.None);
        Assert.True(output.Length > 0);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("c@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_reads_back_as_the_same_actors_and_relationships()
    {
        var snapshot = Tiny();
        var graph = ExportGraph.Whole(snapshot);
        var actors = new MemoryStream();
        var relationships = new MemoryStream();
        await GraphCsvWriter.WriteActorsAsync(graph, actors, CancellationToken.None);
        await GraphCsvWriter.WriteRelationshipsAsync(graph, relationships, CancellationToken.None);

        var back = GraphCsv.Read(
            new StringReader(Encoding.UTF8.GetString(actors.ToArray())), "actors.csv",
            new StringReader(Encoding.UTF8.GetString(relationships.ToArray())), "relationships.csv", RelationshipTypeCatalogue.Default);

        Assert.True(back.IsValid, string.Join("\n", back.Errors));
        Assert.Equal(Json(snapshot.Actors.Select(a => a with { Contact = null, Region = Regions.Other })), Json(back.Actors));
        Assert.Equal(Json(snapshot.Relationships), Json(back.Relationships));
    }

    [Fact]
    public void Neighbourhood_follows_ties_both_ways_to_the_given_depth()
    {
        var snapshot = Tiny();
        int[] Ids(int depth) => [.. Subgraph.Neighbourhood(snapshot, snapshot.IndexOf("dd"), depth)];
        Assert.Equal([snapshot.IndexOf("cc"), snapshot.IndexOf("dd")], Ids(1));
        Assert.Equal(3, Ids(2).Length);
        Assert.Equal(4, Ids(3).Length);
    }

    [Fact]
    public void A_subgraph_keeps_only_the_ties_whose_ends_are_both_selected()
    {
        var snapshot = Tiny();
        var graph = Subgraph.Select(snapshot, new SubgraphQuery { Filter = a => a.Region == Regions.Kr || a.Id == "cc" });
        Assert.Equal(["bb", "cc", "dd"], graph.Actors.Select(a => a.Actor.Id));
        Assert.Equal(["r2", "r3"], graph.Relationships.Select(e => e.Relationship.Id));
    }

    [Fact]
    public void Analysis_columns_may_not_shadow_built_in_attributes()
    {
        var clash = new ExportColumn("name", AttributeKind.Text, _ => "x");
        Assert.Throws<ArgumentException>(() => ExportGraph.Whole(Tiny(), [clash]));
    }

    private static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values, JsonExport.ApiShape);

    /// <summary>Like a response body: not seekable, and synchronous writes are an error.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public byte[] ToArray() => _written.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written.Length;
        public override long Position { get => _written.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("synchronous write");

        public override void Flush() => throw new InvalidOperationException("synchronous flush");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
