using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// The explorer's sign-in reads the provider's discovery document and exchanges the code for tokens with fetch, which
/// the default policy (<c>default-src 'self'</c>) forbids: when the explorer signs in, the authority's origin is added to
/// <c>connect-src</c>. A policy that already names <c>connect-src</c> is the operator's and stays as it is.
/// </summary>
internal sealed class SignInContentSecurityPolicy(IOptions<BearerTokenOptions> tokens) : IPostConfigureOptions<SecurityHeaderOptions>
{
    public void PostConfigure(string? name, SecurityHeaderOptions options)
    {
        var settings = tokens.Value;
        if (!settings.ExplorerSignIn || !Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority)
            || options.ContentSecurityPolicy.Contains("connect-src", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        options.ContentSecurityPolicy = $"{options.ContentSecurityPolicy.TrimEnd().TrimEnd(';')}; connect-src 'self' {authority.GetLeftPart(UriPartial.Authority)}";
    }
}
