using System.Text.Json;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Storage.Tests.QueryApi;

/// <summary>Every $type of Neo4j's typed JSON, decoded from the shapes its documentation shows.</summary>
public sealed class TypedJsonTests
{
    private static object? Decode(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TypedJson.Decode(document.RootElement);
    }

    [Fact]
    public void Scalars_decode_to_their_CLR_types()
    {
        Assert.Null(Decode("""{"$type":"Null","_value":null}"""));
        Assert.Equal(true, Decode("""{"$type":"Boolean","_value":true}"""));
        Assert.Equal(9_007_199_254_740_993L, Decode("""{"$type":"Integer","_value":"9007199254740993"}"""));
        Assert.Equal(-123L, Decode("""{"$type":"Integer","_value":"-123"}"""));
        Assert.Equal(4.56, Decode("""{"$type":"Float","_value":"4.56"}"""));
        Assert.Equal(double.NaN, Decode("""{"$type":"Float","_value":"NaN"}"""));
        Assert.Equal("한국산업단지공단", Decode("""{"$type":"String","_value":"한국산업단지공단"}"""));
        Assert.Equal(new byte[] { 0x03, 0x6F, 0xBF }, Decode("""{"$type":"Base64","_value":"A2+/"}"""));
    }

    [Fact]
    public void Temporal_and_spatial_values_keep_their_meaning()
    {
        Assert.Equal(new DateOnly(2015, 3, 26), Decode("""{"$type":"Date","_value":"2015-03-26"}"""));
        Assert.Equal(new TimeOnly(12, 50, 35, 556), Decode("""{"$type":"LocalTime","_value":"12:50:35.556"}"""));
        Assert.Equal(new DateTime(2015, 7, 4, 19, 32, 24), Decode("""{"$type":"LocalDateTime","_value":"2015-07-04T19:32:24"}"""));
        Assert.Equal(new TimeSpan(0, 0, 0, 0, 123, 456) + TimeSpan.FromTicks(7),
            ((DateTime)Decode("""{"$type":"LocalDateTime","_value":"2015-07-04T00:00:00.123456789"}""")!).TimeOfDay);
        Assert.Equal(new Neo4jZonedDateTime(new DateTimeOffset(2015, 11, 21, 21, 40, 32, 142, TimeSpan.Zero), "Antarctica/Troll"),
            Decode("""{"$type":"OffsetDateTime","_value":"2015-11-21T21:40:32.142Z[Antarctica/Troll]"}"""));
        Assert.Equal(new Neo4jZonedDateTime(new DateTimeOffset(2024, 1, 1, 21, 40, 32, TimeSpan.FromHours(-1)), null),
            Decode("""{"$type":"OffsetDateTime","_value":"2024-01-01T21:40:32-01:00"}"""));
        Assert.Equal(new Neo4jText("Time", "12:50:35.556+01:00"), Decode("""{"$type":"Time","_value":"12:50:35.556+01:00"}"""));
        Assert.Equal(new Neo4jText("Duration", "P14DT16H12M"), Decode("""{"$type":"Duration","_value":"P14DT16H12M"}"""));
        Assert.Equal(new Neo4jText("Point", "SRID=7203;POINT (1.2 3.4)"), Decode("""{"$type":"Point","_value":"SRID=7203;POINT (1.2 3.4)"}"""));
    }

    [Fact]
    public void Lists_and_maps_nest()
    {
        var list = Assert.IsType<List<object?>>(Decode("""
            {"$type":"List","_value":[{"$type":"String","_value":"A"},{"$type":"Integer","_value":"2"},
             {"$type":"List","_value":[]},{"$type":"Null","_value":null}]}
            """));
        var map = Assert.IsType<Dictionary<string, object?>>(Decode("""
            {"$type":"Map","_value":{"fieldA":{"$type":"String","_value":"A"},"inner":{"$type":"Map","_value":{"x":{"$type":"Boolean","_value":false}}}}}
            """));

        Assert.Equal(4, list.Count);
        Assert.Equal(("A", 2L), (list[0], list[1]));
        Assert.Empty(Assert.IsType<List<object?>>(list[2]));
        Assert.Null(list[3]);
        Assert.Equal("A", map["fieldA"]);
        Assert.Equal(false, Assert.IsType<Dictionary<string, object?>>(map["inner"])["x"]);
    }

    [Fact]
    public void Nodes_relationships_and_paths_decode_with_typed_properties()
    {
        var path = Assert.IsType<Neo4jPath>(Decode("""
            {"$type":"Path","_value":[
              {"$type":"Node","_value":{"_element_id":"4:ff:0","_labels":["Actor"],"_properties":{
                 "id":{"$type":"String","_value":"pole-eau"},"aliases":{"$type":"List","_value":[{"$type":"String","_value":"PE"}]},
                 "revision":{"$type":"Integer","_value":"3"}}}},
              {"$type":"Relationship","_value":{"_element_id":"5:ff:2","_start_node_element_id":"4:ff:2","_end_node_element_id":"4:ff:0",
                 "_type":"MOU","_properties":{"since":{"$type":"String","_value":"2016-05"},"strength":{"$type":"Float","_value":"0.9"}}}},
              {"$type":"Node","_value":{"_element_id":"4:ff:2","_labels":["Actor","Cluster"],"_properties":{}}}
            ]}
            """));

        Assert.Equal(["4:ff:0", "4:ff:2"], path.Nodes.Select(n => n.ElementId));
        Assert.Equal("pole-eau", path.Nodes[0].Properties["id"]);
        Assert.Equal(3L, path.Nodes[0].Properties["revision"]);
        Assert.Equal(["PE"], Assert.IsType<List<object?>>(path.Nodes[0].Properties["aliases"]));
        Assert.Equal(["Actor", "Cluster"], path.Nodes[1].Labels);
        var relationship = Assert.Single(path.Relationships);
        // The path runs 0 → 2 but the relationship is stored 2 → 0: direction lives only in the start/end ids.
        Assert.Equal(("MOU", "4:ff:2", "4:ff:0"), (relationship.Type, relationship.StartNodeElementId, relationship.EndNodeElementId));
        Assert.Equal(0.9, relationship.Properties["strength"]);
    }

    [Fact]
    public void Types_this_client_does_not_know_are_kept_as_text()
    {
        Assert.Equal(new Neo4jText("Vector", "[1,2]"), Decode("""{"$type":"Vector","_value":[1,2]}"""));
    }

    [Theory]
    [InlineData("\"plain\"")]
    [InlineData("{\"name\":\"no type\"}")]
    [InlineData("42")]
    public void Untyped_json_is_rejected(string json) => Assert.Throws<FormatException>(() => Decode(json));
}
