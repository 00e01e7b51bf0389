using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// A stand-in identity provider on a loopback port of this test process: an OpenID discovery document and a JWKS with
/// one RSA signing key, and <see cref="Mint"/> to sign tokens with it (or with a key it does not publish). Tokens are
/// shaped like Keycloak's: roles in <c>realm_access.roles</c>, the workspace in <c>graphapi_workspace</c>. A browser can
/// sign in at it too (TestIssuer.SignIn.cs).
/// </summary>
public sealed partial class TestIssuer : IAsyncDisposable
{
    public const string Audience = "graphapi";
    public const string KeyId = "test-signing-key";

    private readonly RSA _key = RSA.Create(2048);
    private readonly WebApplication _app;

    private TestIssuer(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The issuer's address: tokens name it as issuer, the service reads its discovery document there.</summary>
    public string Authority { get; }

    public static async Task<TestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TestIssuer? issuer = null;
        // A browser page on another origin reads the discovery document and exchanges its code for tokens with fetch.
        app.Use((context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return next(context);
        });
        app.MapGet("/realms/graphapi/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer!.Authority,
            ["jwks_uri"] = issuer.Authority + "/protocol/openid-connect/certs",
            ["authorization_endpoint"] = issuer.Authority + "/protocol/openid-connect/auth",
            ["token_endpoint"] = issuer.Authority + "/protocol/openid-connect/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        MapSignIn(app, () => issuer!);
        app.MapGet("/realms/graphapi/protocol/openid-connect/certs", () => Results.Json(new { keys = new[] { issuer!.PublicKey() } }));
        await app.StartAsync();
        // The port is known once the server listens; the endpoints above read the authority only when called.
        issuer = new TestIssuer(app, app.Urls.First().TrimEnd('/') + "/realms/graphapi");
        return issuer;
    }

    /// <summary>A signed access token; every part can be made wrong for the refusal tests.</summary>
    public string Mint(string subject, string[]? realmRoles = null, string? workspace = null, string? audience = Audience,
        string? issuer = null, DateTime? expires = null, RSA? signWith = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["preferred_username"] = "user-" + subject };
        if (realmRoles is not null)
        {
            claims["realm_access"] = new Dictionary<string, object> { ["roles"] = realmRoles };
        }
        if (workspace is not null)
        {
            claims["graphapi_workspace"] = workspace;
        }
        return Sign(claims, audience, issuer, expires, signWith);
    }

    private string Sign(Dictionary<string, object> claims, string? audience, string? issuer = null, DateTime? expires = null, RSA? signWith = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The public half of the signing key as a JWK.</summary>
    private Dictionary<string, string> PublicKey()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
