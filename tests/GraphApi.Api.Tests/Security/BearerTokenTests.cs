using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace GraphApi.Api.Tests.Security;

/// <summary>Bearer tokens from <see cref="TestIssuer"/>, beside the API keys, on an app configured like a Keycloak realm.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private TestIssuer _issuer = null!;
    private GraphApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _factory = new GraphApiFactory(seed: false).WithRoleKeys().WithTokensFrom(_issuer);
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task An_editor_token_writes_and_the_audit_log_names_its_subject()
    {
        var editor = ClientWithToken(_issuer.Mint("5f0c-editor-subject", ["graphapi-editor", "offline_access"]));
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("by-token"))).StatusCode);

        var audit = await (await _factory.ClientWithKey(TestKeys.Admin).GetAsync("/api/audit?entityId=by-token")).ReadJsonAsync();
        var entry = Assert.Single(audit["items"]!.AsArray());
        Assert.Equal("5f0c-editor-subject", entry!["who"]!.GetValue<string>());
        Assert.Equal("create", entry["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reader_token_cannot_write()
    {
        var response = await ClientWithToken(_issuer.Mint("reader-subject", ["graphapi-reader"])).PostJsonAsync("/api/actors", TestKeys.NewActor("refused"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("The token's role is not enough", problem["title"]!.GetValue<string>());
        Assert.Contains("this token has reader", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_token_has_the_roles_below_it_and_reads_the_audit_log()
    {
        var admin = ClientWithToken(_issuer.Mint("admin-subject", ["graphapi-admin"]));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/actors", TestKeys.NewActor("by-admin-token"))).StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_mapped_role_reads_public_data_but_cannot_write()
    {
        var client = ClientWithToken(_issuer.Mint("no-role-subject", ["offline_access"]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors")).StatusCode);
        var write = await client.PostJsonAsync("/api/actors", TestKeys.NewActor("no-role"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("this token has no role", (await write.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", "has expired" },
        { "wrong-audience", "issued for another application" },
        { "wrong-issuer", "identity provider this service does not trust" },
        { "wrong-signature", "signature does not match" },
        { "malformed", "not a well-formed JSON Web Token" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_get_401_with_a_plain_reason_and_a_bearer_challenge(string kind, string reason)
    {
        using var otherKey = RSA.Create(2048);
        var token = kind switch
        {
            "expired" => _issuer.Mint("late", ["graphapi-editor"], expires: DateTime.UtcNow.AddHours(-1)),
            "wrong-audience" => _issuer.Mint("elsewhere", ["graphapi-editor"], audience: "another-api"),
            "wrong-issuer" => _issuer.Mint("foreign", ["graphapi-editor"], issuer: "https://sso.example.test/realms/other"),
            "wrong-signature" => _issuer.Mint("forged", ["graphapi-admin"], signWith: otherKey),
            _ => "not-a-token",
        };
        // Refused on a public read too: a bad token never degrades to anonymous access.
        foreach (var response in new[] { await ClientWithToken(token).GetAsync("/api/actors"), await ClientWithToken(token).PostJsonAsync("/api/actors", TestKeys.NewActor("bad-" + kind)) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = (await response.ReadJsonAsync())["detail"]!.GetValue<string>();
            Assert.Contains(reason, detail);
            Assert.DoesNotContain("IDX", detail);
            Assert.DoesNotContain("Exception", detail);
            var challenges = response.Headers.WwwAuthenticate.ToString();
            Assert.Contains("Bearer realm=\"GraphApi\", error=\"invalid_token\"", challenges);
            Assert.Contains("X-Api-Key", challenges);
        }
    }

    [Fact]
    public async Task Keys_still_work_beside_tokens_and_a_request_may_not_carry_both()
    {
        Assert.Equal(HttpStatusCode.Created, (await _factory.ClientWithKey(TestKeys.Editor).PostJsonAsync("/api/actors", TestKeys.NewActor("by-key"))).StatusCode);

        var both = _factory.ClientWithKey(TestKeys.Editor);
        both.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Mint("both", ["graphapi-editor"]));
        var response = await both.GetAsync("/api/actors");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("send one of them", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_token_a_write_names_both_ways_in()
    {
        var response = await _factory.ClientWithKey(null).PostJsonAsync("/api/actors", TestKeys.NewActor("nobody"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("An API key or a bearer token is required", (await response.ReadJsonAsync())["title"]!.GetValue<string>());
        Assert.Contains("Bearer realm=\"GraphApi\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_discovery_document_may_be_read_at_another_address_than_the_authority()
    {
        // The authority as browsers know it does not resolve here; the service reads the provider at its metadata address.
        using var factory = new GraphApiFactory(seed: false).WithTokensFrom(_issuer);
        factory.Settings["Security:Jwt:Authority"] = "https://sso.invalid/realms/graphapi";
        factory.Settings["Security:Jwt:MetadataAddress"] = _issuer.Authority + "/.well-known/openid-configuration";
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Mint("internal-route", ["graphapi-editor"]));
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/actors", TestKeys.NewActor("via-metadata-address"))).StatusCode);
    }

    private HttpClient ClientWithToken(string token)
    {
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Configures an app to accept <see cref="TestIssuer"/>'s tokens the way docs/security.md configures Keycloak.</summary>
public static class TestTokens
{
    public static GraphApiFactory WithTokensFrom(this GraphApiFactory factory, TestIssuer issuer)
    {
        factory.Settings["Security:Jwt:Authority"] = issuer.Authority;
        factory.Settings["Security:Jwt:Audience"] = TestIssuer.Audience;
        factory.Settings["Security:Jwt:RequireHttpsMetadata"] = "false";
        factory.Settings["Security:Jwt:RoleClaim"] = "realm_access.roles";
        factory.Settings["Security:Jwt:RoleMap:graphapi-reader"] = "reader";
        factory.Settings["Security:Jwt:RoleMap:graphapi-editor"] = "editor";
        factory.Settings["Security:Jwt:RoleMap:graphapi-admin"] = "admin";
        factory.Settings["Security:Jwt:WorkspaceClaim"] = "graphapi_workspace";
        return factory;
    }
}
