using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// Refuses to start with a token setup that would accept the wrong tokens or none: an authority that is no absolute
/// URL (or plain http while https is required), no audience (any token of the provider would do), a role mapped to
/// something other than reader, editor or admin, or explorer settings without an authority.
/// </summary>
public sealed class BearerTokenOptionsValidator : IValidateOptions<BearerTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, BearerTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(options.Explorer.ClientId) || !string.IsNullOrWhiteSpace(options.MetadataAddress))
            {
                failures.Add($"{BearerTokenOptions.Section}:Authority is needed for the explorer's sign-in and a metadata address.");
            }
            return Result(failures);
        }
        CheckAddress(options.Authority!, "Authority", options.RequireHttpsMetadata, failures);
        if (!string.IsNullOrWhiteSpace(options.MetadataAddress))
        {
            CheckAddress(options.MetadataAddress, "MetadataAddress", options.RequireHttpsMetadata, failures);
        }
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{BearerTokenOptions.Section}:Audience is required: without it any token of the provider, for any application, would be accepted.");
        }
        foreach (var (value, role) in options.RoleMap)
        {
            if (Roles.Rank(role) < 0)
            {
                failures.Add($"{BearerTokenOptions.Section}:RoleMap:{value} is '{role}'; a role is reader, editor or admin.");
            }
        }
        return Result(failures);
    }

    private static void CheckAddress(string address, string setting, bool httpsOnly, List<string> failures)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{BearerTokenOptions.Section}:{setting} must be an absolute http(s) URL; it is '{address}'.");
        }
        else if (httpsOnly && uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{BearerTokenOptions.Section}:{setting} must use https (set {BearerTokenOptions.Section}:RequireHttpsMetadata=false only for a local test provider).");
        }
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
