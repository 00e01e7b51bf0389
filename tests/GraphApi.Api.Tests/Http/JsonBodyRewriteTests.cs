using System.Text;
using GraphApi.Http.Input;

namespace GraphApi.Api.Tests.Http;

/// <summary>The body respelling changes exactly the named string values and leaves every other byte as it was sent.</summary>
public sealed class JsonBodyRewriteTests
{
    [Fact]
    public void Only_the_named_values_change_at_any_depth_and_in_lists()
    {
        const string Body = """
            { "to" : {"kind":"minicluster", "note":"kind"},
              "actors":[{"kind":"x"}, {"kind":"agency","aliases":["a\u00e9", "kind"]}],
              "types":["mou", "met_at"], "kind":"cluster" }
            """;
        var respell = new Dictionary<string, string>
        {
            ["to.kind"] = "MiniCluster", ["actors[1].kind"] = "Agency", ["types[1]"] = "MET_AT", ["kind"] = "Cluster",
        };

        var rewritten = Encoding.UTF8.GetString(JsonBodyRewrite.Apply(Encoding.UTF8.GetBytes(Body), respell));

        Assert.Equal(Body
            .Replace("\"minicluster\"", "\"MiniCluster\"", StringComparison.Ordinal)
            .Replace("\"agency\"", "\"Agency\"", StringComparison.Ordinal)
            .Replace("\"met_at\"", "\"MET_AT\"", StringComparison.Ordinal)
            .Replace("\"kind\":\"cluster\"", "\"kind\":\"Cluster\"", StringComparison.Ordinal), rewritten);
    }

    [Fact]
    public void A_body_with_nothing_to_respell_comes_back_byte_for_byte()
    {
        var body = Encoding.UTF8.GetBytes("""{"name":"Pôle \ud83d\ude00 Eau","sectors":[],"n":1.50e2}""");

        Assert.Equal(body, JsonBodyRewrite.Apply(body, new Dictionary<string, string>()));
    }
}
