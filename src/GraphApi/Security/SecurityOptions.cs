using System.ComponentModel.DataAnnotations;

namespace GraphApi.Security;

/// <summary>Keys, roles and the read policy. Bound from the "Security" section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The environment variable (also read as a configuration key) holding a bootstrap admin key in clear.</summary>
    public const string AdminKeyVariable = "GRAPHAPI_ADMIN_KEY";

    /// <summary>Configured keys, stored only as SHA-256 hashes of the key text.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>When true (the default) reads need no key; when false every /api read needs at least the reader role.</summary>
    public bool PublicReads { get; set; } = true;

    /// <summary>Refuses every write whatever the key: for a public, key-less read-only deployment.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// Path prefixes whose POSTs are queries (they read the graph and change nothing), so they follow the read rule
    /// rather than needing the editor role.
    /// </summary>
    public List<string> QueryPrefixes { get; set; } = ["/api/routes", "/api/analysis"];

    /// <summary>Path prefixes that need the admin role for every method.</summary>
    public List<string> AdminPrefixes { get; set; } = ["/api/import", "/api/audit", "/api/workspaces"];
}

/// <summary>One API key: a name for the audit log, the hex SHA-256 of the key, its role and its workspace, if any.</summary>
public sealed class ApiKeyOptions
{
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "a key name is 1-64 letters, digits, '.', '_' or '-'")]
    public string Name { get; set; } = "";

    [Required]
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "a key hash is the 64 hex digits of SHA-256 (printf %s \"$KEY\" | sha256sum)")]
    public string Hash { get; set; } = "";

    [Required]
    [RegularExpression("^(reader|editor|admin)$", ErrorMessage = "a key role is reader, editor or admin")]
    public string Role { get; set; } = Roles.Reader;

    /// <summary>
    /// The one workspace the key's holder belongs to (its id): their role applies inside it as on the public graph,
    /// and they see its private records. Left out, the key reaches the public graph only.
    /// </summary>
    [RegularExpression(Core.Domain.Ids.Pattern, ErrorMessage = "a key's workspace is a workspace id (lower-case letters, digits and '-', 2-64 characters)")]
    public string? Workspace { get; set; }
}
