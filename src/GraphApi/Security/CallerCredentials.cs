using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>Why the credential a request carries is refused: the 401's title and detail, and whether it was a bearer token.</summary>
public sealed record CredentialRefusal(string Title, string Detail, bool TokenRefused = false);

/// <summary>
/// Checks the one credential a request may carry — an API key in <c>X-Api-Key</c> or a bearer token in
/// <c>Authorization</c> — before any access rule: a bad credential is refused even on a public read, so a mistyped key
/// or a stale token never silently degrades to anonymous access. Two credentials at once are refused too: which one
/// counts would otherwise be a guess.
/// </summary>
public static class CallerCredentials
{
    public static async Task<CredentialRefusal?> CheckAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IOptions<BearerTokenOptions>>().Value;
        var bearer = BearerTokenRegistration.CarriesBearerToken(context.Request);
        if (bearer && context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return new CredentialRefusal("Send one credential",
                $"The request carries both an API key ({ApiKeyAuthenticationHandler.HeaderName}) and a bearer token (Authorization); send one of them.");
        }
        if (bearer && !tokens.Enabled)
        {
            return new CredentialRefusal("Bearer tokens are not accepted here",
                $"This deployment has no identity provider configured; send an API key in the {ApiKeyAuthenticationHandler.HeaderName} header instead.");
        }
        var authentication = await context.AuthenticateAsync(BearerTokenRegistration.CallerScheme).ConfigureAwait(false);
        if (authentication.Failure is not { } failure)
        {
            return null;
        }
        return bearer
            ? new CredentialRefusal("The bearer token is not accepted", BearerTokenFailures.Describe(failure), TokenRefused: true)
            : new CredentialRefusal("Unknown API key",
                $"The {ApiKeyAuthenticationHandler.HeaderName} header does not hold a key this service knows; send a valid key or none.");
    }

    /// <summary>"token" or "key": what the caller signed in with, for the words of a refusal.</summary>
    public static string KindOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.AuthenticationType == BearerTokenCaller.AuthenticationType ? "token" : "key";
    }
}
