using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against <see cref="ApiKeyRegistry"/>. No header → no result (anonymous);
/// an unknown key → failure, which <see cref="AccessMiddleware"/> answers with 401 even on public reads, so a mistyped
/// key never silently degrades to anonymous access.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRegistry keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]) || keys.Find(values[0]!) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail($"the {HeaderName} header does not hold a known key"));
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(Roles.Implied(key.Role).Select(role => new Claim(ClaimTypes.Role, role)));
        if (key.Workspace is { } workspace)
        {
            claims.Add(new Claim(CallerClaims.Workspace, workspace));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        SecurityProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "An API key is required",
            $"Send a key with the {Roles.Reader} role or higher in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SecurityProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "The key's role is not enough",
            "This operation needs a key with a higher role.");
}
