using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using GraphApi.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GraphApi.Api.Tests.Security;

/// <summary>How a validated token's claims become the caller: role and workspace claims by name or path, the role map.</summary>
public sealed class TokenClaimTests
{
    private static readonly Claim[] Keycloak =
    [
        new("sub", "0b1c"),
        new("realm_access", """{"roles":["offline_access","graphapi-editor"]}""", JsonClaimValueTypes.Json),
        new("resource_access", """{"graphapi":{"roles":["graphapi-admin"]},"account":{"roles":["view-profile"]}}""", JsonClaimValueTypes.Json),
        new("https://graphapi.example.org/roles", "editor"),
        new("graphapi_role", "reader"),
    ];

    [Theory]
    [InlineData("graphapi_role", new[] { "reader" })]
    [InlineData("https://graphapi.example.org/roles", new[] { "editor" })] // dots in a claim's own name: taken whole
    [InlineData("realm_access.roles", new[] { "offline_access", "graphapi-editor" })]
    [InlineData("resource_access.graphapi.roles", new[] { "graphapi-admin" })]
    [InlineData("realm_access.groups", new string[0])]
    [InlineData("roles", new string[0])]
    public void A_claim_is_read_by_its_whole_name_or_by_a_path_into_its_JSON(string path, string[] expected) =>
        Assert.Equal(expected, TokenClaimPath.Read(Keycloak, path));

    [Fact]
    public void The_highest_mapped_role_counts_with_the_roles_below_it()
    {
        var options = new BearerTokenOptions { RoleClaim = "realm_access.roles", RoleMap = { ["graphapi-editor"] = "editor", ["offline_access"] = "reader" } };
        var caller = BearerTokenCaller.From(new ClaimsPrincipal(new ClaimsIdentity(Keycloak)), options);
        Assert.Equal("0b1c", caller.Identity!.Name);
        Assert.Equal(["reader", "editor"], caller.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.False(caller.IsInRole("admin"));
    }

    [Fact]
    public void Without_a_map_only_the_service_role_names_count()
    {
        Assert.Equal("editor", BearerTokenCaller.HighestRole(["reader", "editor", "superuser"], new Dictionary<string, string>()));
        Assert.Null(BearerTokenCaller.HighestRole(["graphapi-admin"], new Dictionary<string, string>()));
        Assert.Null(BearerTokenCaller.HighestRole(["admin"], new Dictionary<string, string> { ["graphapi-admin"] = "admin" }));
    }

    [Fact]
    public void The_workspace_claim_is_mapped_and_two_workspaces_are_refused()
    {
        var options = new BearerTokenOptions { WorkspaceClaim = "graphapi_workspace" };
        var one = BearerTokenCaller.From(Principal(new Claim("sub", "s"), new Claim("graphapi_workspace", "ws-kr")), options);
        Assert.Equal("ws-kr", one.FindFirst(CallerClaims.Workspace)?.Value);
        Assert.Null(BearerTokenCaller.From(Principal(new Claim("sub", "s")), options).FindFirst(CallerClaims.Workspace));
        var two = Assert.Throws<TokenRefusedException>(() =>
            BearerTokenCaller.From(Principal(new Claim("sub", "s"), new Claim("graphapi_workspace", "a"), new Claim("graphapi_workspace", "b")), options));
        Assert.Contains("2 workspaces", two.Message);
    }

    [Fact]
    public void A_token_without_a_subject_is_refused()
    {
        var refused = Assert.Throws<TokenRefusedException>(() => BearerTokenCaller.From(Principal(new Claim("roles", "editor")), new BearerTokenOptions()));
        Assert.Contains("no single subject", refused.Message);
    }

    [Fact]
    public async Task A_bearer_token_is_refused_where_no_identity_provider_is_configured()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        var response = await client.GetAsync("/api/actors");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer tokens are not accepted here", (await response.ReadJsonAsync())["title"]!.GetValue<string>());
        Assert.DoesNotContain("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims));
}
