using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// Refuses to start with a key set that would leave the service open or unusable: outside Development a writable
/// deployment needs at least one key (configured or <c>GRAPHAPI_ADMIN_KEY</c>) or an identity provider; key names must be unique; a bootstrap
/// key must be long enough to resist guessing. Runs at start (ValidateOnStart), before anything is served.
/// </summary>
public sealed class SecurityOptionsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var bootstrap = configuration[SecurityOptions.AdminKeyVariable];
        if (bootstrap is { Length: > 0 and < ApiKeyRegistry.MinimumBootstrapKeyLength })
        {
            failures.Add($"{SecurityOptions.AdminKeyVariable} must be at least {ApiKeyRegistry.MinimumBootstrapKeyLength} characters long.");
        }
        var duplicates = options.Keys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            failures.Add($"Security:Keys names must be unique; repeated: {string.Join(", ", duplicates)}.");
        }
        // Bearer tokens from an identity provider are a way in as good as keys.
        var hasKeys = options.Keys.Count > 0 || !string.IsNullOrEmpty(bootstrap)
            || !string.IsNullOrWhiteSpace(configuration[$"{BearerTokenOptions.Section}:{nameof(BearerTokenOptions.Authority)}"]);
        if (!hasKeys && !options.ReadOnly && !environment.IsDevelopment())
        {
            failures.Add(
                $"No API keys are configured, so nobody could be kept from writing. Set {SecurityOptions.AdminKeyVariable}, " +
                "or add Security:Keys entries ({\"name\",\"hash\",\"role\"} with hash = SHA-256 hex of the key), " +
                "or set Security:ReadOnly=true for a key-less read-only deployment.");
        }
        if (!hasKeys && !options.PublicReads && !environment.IsDevelopment())
        {
            failures.Add("Security:PublicReads=false needs at least one key, or nobody could read.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
