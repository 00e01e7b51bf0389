using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphApi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GraphApi.Explorer;

/// <summary>
/// GET /api/explorer-config: the explorer page reads it first to know whether to offer "Sign in" (an identity provider
/// is configured) or the API key box. Public whatever the read policy (AccessRules), since it is needed before sign-in;
/// it holds nothing secret (a public client id and the provider's public address).
/// </summary>
public static class ExplorerConfigEndpoints
{
    public const string Path = "/api/explorer-config";

    public static RouteHandlerBuilder MapExplorerConfigEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, GetExplorerConfig).WithTags("Explorer").WithName("GetExplorerConfig")
            .WithSummary("How the explorer page signs in")
            .WithDescription("Whether the deployment has an identity provider the explorer signs in with (authorization code with PKCE), " +
                "and its address, client id and scopes; without one the page asks for an API key. Needs no key, even where reads do.");

    private static Ok<ExplorerConfig> GetExplorerConfig(IOptions<BearerTokenOptions> tokens, HttpResponse response)
    {
        var config = ExplorerConfig.From(tokens.Value);
        // Fixed by the configuration, not by the graph: tagged by its content, so a changed setup is never served from a cache.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(config)));
        response.Headers.ETag = $"\"c{Convert.ToHexStringLower(hash)[..16]}\"";
        response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(config);
    }
}
