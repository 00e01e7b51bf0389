using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>What a request needs: nothing, a role, or nothing will do (a write on a read-only deployment).</summary>
public sealed record AccessRequirement(string? Role, bool Refused = false)
{
    public static readonly AccessRequirement Public = new((string?)null);
    public static readonly AccessRequirement ReadOnlyRefusal = new(null, Refused: true);
}

/// <summary>
/// The access convention, decided from the HTTP method and path alone so that new endpoint groups are covered without
/// annotating each one:
/// <list type="number">
/// <item><c>/metrics</c> (the Prometheus text) needs admin, like the audit log: it tells how the service is used.</item>
/// <item>Anything else outside <c>/api</c> (health, OpenAPI, Swagger UI, the explorer page) is public, and so are the explorer's
/// sign-in setup (<c>GET /api/explorer-config</c>), which is read before anyone signs in, and "who am I" (<c>GET /api/me</c>),
/// which tells callers only about the credentials they sent.</item>
/// <item><c>/api/import</c> and <c>/api/audit</c> (<see cref="SecurityOptions.AdminPrefixes"/>) need admin for every method.</item>
/// <item>GET, HEAD and OPTIONS, and POSTs under <see cref="SecurityOptions.QueryPrefixes"/> (route and analysis queries), are
/// reads: public, or reader when <see cref="SecurityOptions.PublicReads"/> is false.</item>
/// <item>Every other method under <c>/api</c> is a write and needs editor.</item>
/// <item>With <see cref="SecurityOptions.ReadOnly"/>, writes (admin ones included) are refused whatever the key.</item>
/// </list>
/// </summary>
public sealed class AccessRules(IOptions<SecurityOptions> options)
{
    private static readonly PathString Api = "/api";

    public AccessRequirement For(string method, PathString path)
    {
        if (path.StartsWithSegments(GraphApi.Telemetry.TelemetryRegistration.MetricsPath, StringComparison.OrdinalIgnoreCase))
        {
            return new AccessRequirement(Roles.Admin);
        }
        if (!path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase) || IsSignInSetup(method, path) || IsWhoAmI(method, path))
        {
            return AccessRequirement.Public;
        }
        var settings = options.Value;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || (HttpMethods.IsPost(method) && UnderAny(path, settings.QueryPrefixes));
        if (UnderAny(path, settings.AdminPrefixes))
        {
            return !isRead && settings.ReadOnly ? AccessRequirement.ReadOnlyRefusal : new AccessRequirement(Roles.Admin);
        }
        if (isRead)
        {
            return settings.PublicReads ? AccessRequirement.Public : new AccessRequirement(Roles.Reader);
        }
        return settings.ReadOnly ? AccessRequirement.ReadOnlyRefusal : new AccessRequirement(Roles.Editor);
    }

    /// <summary>The explorer's sign-in settings: needed before anyone has signed in.</summary>
    private static bool IsSignInSetup(string method, PathString path) =>
        (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && path.Equals(Explorer.ExplorerConfigEndpoints.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The caller's own roles and workspace: nothing there but what the caller sent, so any caller may ask.</summary>
    private static bool IsWhoAmI(string method, PathString path) =>
        (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && path.Equals(Workspaces.CallerEndpoints.Path, StringComparison.OrdinalIgnoreCase);

    private static bool UnderAny(PathString path, IEnumerable<string> prefixes) =>
        prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
