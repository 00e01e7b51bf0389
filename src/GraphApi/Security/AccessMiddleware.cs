using GraphApi.Core.Storage;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// Applies <see cref="AccessRules"/> to every request and names the change author for the audit trail. Runs after
/// authentication, so <c>context.User</c> holds the caller's principal when a valid key or bearer token was sent.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next, AccessRules rules)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (await CallerCredentials.CheckAsync(context).ConfigureAwait(false) is { } refusal)
        {
            await SecurityProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, refusal.Title, refusal.Detail,
                refusal.TokenRefused ? refusal.Detail : null).ConfigureAwait(false);
            return;
        }
        var requirement = rules.For(context.Request.Method, context.Request.Path);
        if (requirement.Refused)
        {
            await SecurityProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "This deployment is read-only",
                "Security:ReadOnly is set, so no key may change the graph here.").ConfigureAwait(false);
            return;
        }
        if (requirement.Role is { } role && !context.User.IsInRole(role))
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                var tokens = context.RequestServices.GetRequiredService<IOptions<BearerTokenOptions>>().Value.Enabled;
                await SecurityProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, tokens ? "An API key or a bearer token is required" : "An API key is required",
                    $"{context.Request.Method} {context.Request.Path} needs a key with the {role} role (or higher) in the {ApiKeyAuthenticationHandler.HeaderName} header" +
                    (tokens ? ", or a bearer token giving that role." : ".")).ConfigureAwait(false);
                return;
            }
            var kind = CallerCredentials.KindOf(context);
            await SecurityProblems.WriteAsync(context, StatusCodes.Status403Forbidden, $"The {kind}'s role is not enough",
                $"{context.Request.Method} {context.Request.Path} needs the {role} role; this {kind} has {HighestRole(context)}.").ConfigureAwait(false);
            return;
        }
        ChangeAuthor.Set(context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous");
        await next(context).ConfigureAwait(false);
    }

    private static string HighestRole(HttpContext context) => Roles.Ordered.LastOrDefault(context.User.IsInRole) ?? "no role";
}
