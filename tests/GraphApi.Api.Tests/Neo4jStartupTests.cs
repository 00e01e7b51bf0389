using Microsoft.Extensions.Options;

namespace GraphApi.Api.Tests;

/// <summary>The Neo4j settings are checked at start, and only when the Neo4j store is chosen.</summary>
public sealed class Neo4jStartupTests
{
    [Theory]
    [InlineData(null, "Neo4j:Uri is required when GraphStore:Provider is Neo4j")]
    [InlineData("bolt://localhost:7687", "must be an absolute http(s) address")]
    public void Choosing_Neo4j_without_a_usable_uri_stops_the_start_with_the_reason(string? uri, string reason)
    {
        using var factory = new GraphApiFactory(seed: false);
        factory.Settings["GraphStore:Provider"] = "Neo4j";
        factory.Settings["Neo4j:Uri"] = uri;

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_store_ignores_broken_Neo4j_settings()
    {
        using var factory = new GraphApiFactory(seed: false);
        factory.Settings["Neo4j:Database"] = "not a database name";

        using var client = factory.CreateClient();
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }
}
