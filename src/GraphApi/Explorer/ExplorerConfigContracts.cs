using GraphApi.Security;

namespace GraphApi.Explorer;

/// <summary>What the explorer page needs to know before anyone signs in.</summary>
/// <param name="SignIn">How to sign in with the deployment's identity provider (authorization code with PKCE); absent when it has none, and the page asks for an API key instead.</param>
/// <param name="ApiKeyHeader">The request header an API key is sent in.</param>
public sealed record ExplorerConfig(ExplorerSignIn? SignIn, string ApiKeyHeader)
{
    public static ExplorerConfig From(BearerTokenOptions tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var signIn = tokens.ExplorerSignIn ? new ExplorerSignIn(tokens.Authority!.TrimEnd('/'), tokens.Explorer.ClientId!, tokens.Explorer.Scope) : null;
        return new ExplorerConfig(signIn, ApiKeyAuthenticationHandler.HeaderName);
    }
}

/// <summary>The identity provider and the public client the explorer signs in with.</summary>
/// <param name="Authority">The identity provider's address, its token issuer; its discovery document is at `/.well-known/openid-configuration` below it.</param>
/// <param name="ClientId">The explorer's client id at the provider: a public client (no secret) using the authorization code flow with PKCE, whose allowed redirect address is this page's.</param>
/// <param name="Scope">The scopes to ask for, separated by spaces.</param>
public sealed record ExplorerSignIn(string Authority, string ClientId, string Scope);
