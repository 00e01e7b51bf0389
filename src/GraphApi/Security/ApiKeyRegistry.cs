using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>A key the service accepts: its name (recorded as the author of changes), hash, role and workspace (null: the public graph only).</summary>
public sealed record ApiKey(string Name, byte[] Hash, string Role, string? Workspace = null);

/// <summary>
/// The keys the service accepts: the configured hashes, plus a bootstrap admin key from <c>GRAPHAPI_ADMIN_KEY</c>, plus
/// — in Development only, when there is no key at all — one generated for this run and announced in the log.
/// Presented keys are hashed and compared with every known hash in constant time, so neither the comparison nor the
/// position of a match leaks through timing.
/// </summary>
public sealed class ApiKeyRegistry
{
    public const string BootstrapKeyName = "bootstrap-admin";
    public const string GeneratedKeyName = "development-admin";
    public const int MinimumBootstrapKeyLength = 16;

    private readonly ApiKey[] _keys;

    public ApiKeyRegistry(IOptions<SecurityOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var keys = options.Value.Keys.Select(k => new ApiKey(k.Name, Convert.FromHexString(k.Hash), k.Role, k.Workspace)).ToList();
        if (configuration[SecurityOptions.AdminKeyVariable] is { Length: > 0 } bootstrap)
        {
            keys.Add(new ApiKey(BootstrapKeyName, Hash(bootstrap), Roles.Admin));
        }
        if (keys.Count == 0 && environment.IsDevelopment() && !options.Value.ReadOnly)
        {
            GeneratedAdminKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            keys.Add(new ApiKey(GeneratedKeyName, Hash(GeneratedAdminKey), Roles.Admin));
        }
        _keys = [.. keys];
    }

    /// <summary>The key generated for this Development run, to be printed once at start; null otherwise.</summary>
    public string? GeneratedAdminKey { get; }

    public int Count => _keys.Length;

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key whose hash matches, or null. Looks at every key whatever it finds, to keep timing flat.</summary>
    public ApiKey? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKey? match = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                match ??= key;
            }
        }
        return match;
    }
}
