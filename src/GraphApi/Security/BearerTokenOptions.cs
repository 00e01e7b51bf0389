using System.ComponentModel.DataAnnotations;

namespace GraphApi.Security;

/// <summary>
/// Bearer tokens from an OIDC provider (Keycloak, Entra ID, Auth0 …), accepted beside the API keys. Bound from
/// "Security:Jwt"; off while <see cref="Authority"/> is empty. docs/security.md has a Keycloak example.
/// </summary>
public sealed class BearerTokenOptions
{
    public const string Section = "Security:Jwt";

    /// <summary>The issuer's address, e.g. https://sso.example.org/realms/graphapi: tokens must name it as issuer.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Where to read the provider's discovery document when the service reaches it by another address than browsers do
    /// (a cluster-internal name) or, in tests, a local issuer. Defaults to the authority's
    /// <c>/.well-known/openid-configuration</c>.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The audience tokens must carry (the API's client id or a dedicated audience), never the explorer's client id.</summary>
    public string? Audience { get; set; }

    /// <summary>Off only for a provider on plain http in development and tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The claim holding the caller's roles: a top-level claim (<c>roles</c>, <c>graphapi_role</c>, a namespaced URL) or a
    /// dotted path into a JSON claim (<c>realm_access.roles</c>, <c>resource_access.graphapi.roles</c>). A claim whose
    /// whole name matches wins over a path.
    /// </summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// The provider's role names → reader, editor or admin. Empty: the values reader, editor and admin stand for
    /// themselves. The highest mapped role counts, with the roles below it (as for keys); other values are ignored.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The claim recorded as the author of changes: the subject by default (stable, unlike user names).</summary>
    [Required]
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The claim (or dotted path) naming the caller's workspace, copied to <see cref="CallerClaims.Workspace"/>; none when empty.</summary>
    public string? WorkspaceClaim { get; set; }

    /// <summary>How far the token's times may be off the service's clock.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>The explorer page's sign-in (authorization code + PKCE); off while its client id is empty.</summary>
    public ExplorerSignInOptions Explorer { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public bool ExplorerSignIn => Enabled && !string.IsNullOrWhiteSpace(Explorer.ClientId);
}

/// <summary>The public client the explorer page signs in with.</summary>
public sealed class ExplorerSignInOptions
{
    /// <summary>The provider's client id for the explorer: a public client (no secret) allowed the authorization code flow with PKCE.</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the explorer asks for; add the one that puts the API's audience in the token if the provider needs it.</summary>
    public string Scope { get; set; } = "openid profile";
}
