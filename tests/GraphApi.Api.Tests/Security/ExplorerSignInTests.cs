using System.Net;

namespace GraphApi.Api.Tests.Security;

/// <summary>The explorer's sign-in setup: GET /api/explorer-config, the page's CSP, and the settings checked at start.</summary>
public sealed class ExplorerSignInTests
{
    [Fact]
    public async Task Without_an_identity_provider_the_explorer_asks_for_a_key()
    {
        using var factory = new GraphApiFactory(seed: false);
        var response = await factory.CreateAnonymousClient().GetAsync("/api/explorer-config");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = await response.ReadJsonAsync();
        Assert.Null(config["signIn"]);
        Assert.Equal("X-Api-Key", config["apiKeyHeader"]!.GetValue<string>());
        Assert.DoesNotContain("connect-src", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task With_one_the_explorer_signs_in_there_even_where_reads_need_a_key()
    {
        await using var issuer = await TestIssuer.StartAsync();
        using var factory = new GraphApiFactory(seed: false).WithTokensFrom(issuer);
        factory.Settings["Security:PublicReads"] = "false";
        factory.Settings["Security:Jwt:Explorer:ClientId"] = "graphapi-explorer";
        var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/api/explorer-config");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signIn = (await response.ReadJsonAsync())["signIn"]!;
        Assert.Equal(issuer.Authority, signIn["authority"]!.GetValue<string>());
        Assert.Equal("graphapi-explorer", signIn["clientId"]!.GetValue<string>());
        Assert.Equal("openid profile", signIn["scope"]!.GetValue<string>());
        // The page fetches the provider's discovery document and token endpoint: its origin is allowed, nothing else.
        var origin = new Uri(issuer.Authority).GetLeftPart(UriPartial.Authority);
        Assert.EndsWith($"; connect-src 'self' {origin}", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/actors")).StatusCode);
    }

    [Theory]
    [InlineData("Security:Jwt:Explorer:ClientId", "graphapi-explorer", "Authority is needed")]
    [InlineData("Security:Jwt:Authority", "https://sso.example.test/realms/graphapi", "Audience is required")]
    [InlineData("Security:Jwt:Authority", "http://sso.example.test/realms/graphapi", "must use https")]
    [InlineData("Security:Jwt:RoleMap:graphapi-boss", "owner", "a role is reader, editor or admin")]
    public void Settings_that_would_accept_the_wrong_tokens_stop_the_start(string setting, string value, string message)
    {
        var failure = DeploymentModeTests.StartFailure(factory =>
        {
            factory.Settings[setting] = value;
            if (setting.Contains("RoleMap"))
            {
                factory.Settings["Security:Jwt:Authority"] = "https://sso.example.test/realms/graphapi";
                factory.Settings["Security:Jwt:Audience"] = "graphapi";
            }
        });
        Assert.Contains(message, failure);
    }
}
