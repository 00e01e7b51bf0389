using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GraphApi.Security;

/// <summary>
/// The <c>WWW-Authenticate</c> challenges of a 401: the API key's always, and the bearer scheme's (RFC 6750) when the
/// deployment accepts tokens, with <c>error="invalid_token"</c> and the plain reason when a token was refused.
/// </summary>
internal static class Challenges
{
    public static StringValues For(HttpContext context, string? tokenError)
    {
        var apiKey = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\"";
        if (context.RequestServices.GetService<IOptions<BearerTokenOptions>>()?.Value.Enabled != true)
        {
            return apiKey;
        }
        var bearer = tokenError is null
            ? "Bearer realm=\"GraphApi\""
            : $"Bearer realm=\"GraphApi\", error=\"invalid_token\", error_description=\"{Quotable(tokenError)}\"";
        return new StringValues([apiKey, bearer]);
    }

    /// <summary>RFC 6750 allows printable ASCII except the double quote and backslash in error_description.</summary>
    private static string Quotable(string text)
    {
        var quoted = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            quoted.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '?');
        }
        return quoted.ToString();
    }
}
