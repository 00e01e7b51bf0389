using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// The authorization code flow with PKCE, just enough for the explorer's sign-in test: the authorization endpoint
/// signs in <see cref="SignInAs"/> at once (no login page) and redirects back with a code; the token endpoint checks
/// the code, the client, the redirect address and the PKCE verifier before handing out an access and an ID token.
/// </summary>
public sealed partial class TestIssuer
{
    public const string ExplorerClientId = "graphapi-explorer";

    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);

    private sealed record PendingCode(string Challenge, string RedirectUri, string? Nonce);

    /// <summary>Who the authorization endpoint signs in, with which realm roles.</summary>
    public (string Subject, string[] Roles) SignInAs { get; set; } = ("explorer-user", ["graphapi-editor"]);

    private static void MapSignIn(WebApplication app, Func<TestIssuer> issuer)
    {
        app.MapGet("/realms/graphapi/protocol/openid-connect/auth", (HttpRequest request) => issuer().Authorize(request.Query));
        app.MapPost("/realms/graphapi/protocol/openid-connect/token", async (HttpRequest request) => issuer().Token(await request.ReadFormAsync()));
    }

    private IResult Authorize(IQueryCollection query)
    {
        if (query["client_id"] != ExplorerClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["redirect_uri"]))
        {
            return Results.BadRequest("an authorization code request with PKCE (S256) from the explorer's client was expected");
        }
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new PendingCode(query["code_challenge"]!, query["redirect_uri"]!, query["nonce"]);
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private IResult Token(IFormCollection form)
    {
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending)
            || form["redirect_uri"] != pending.RedirectUri || form["client_id"] != ExplorerClientId
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != pending.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }
        var (subject, roles) = SignInAs;
        var identity = new Dictionary<string, object> { ["sub"] = subject, ["preferred_username"] = "user-" + subject };
        if (pending.Nonce is { } nonce)
        {
            identity["nonce"] = nonce;
        }
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = Mint(subject, roles),
            ["id_token"] = Sign(identity, ExplorerClientId),
            ["token_type"] = "Bearer",
            ["expires_in"] = 600,
            ["scope"] = "openid profile",
        });
    }
}
