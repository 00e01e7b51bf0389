using GraphApi.Core.Storage;
using Microsoft.AspNetCore.Authentication;

namespace GraphApi.Security;

/// <summary>
/// Applies <see cref="AccessRules"/> to every request and names the change author for the audit trail. Runs after
/// authentication, so <c>context.User</c> holds the key's principal when a valid key was sent.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next, AccessRules rules)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var authentication = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName).ConfigureAwait(false);
        if (authentication.Failure is not null)
        {
            await SecurityProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unknown API key",
                $"The {ApiKeyAuthenticationHandler.HeaderName} header does not hold a key this service knows; send a valid key or none.").ConfigureAwait(false);
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
                await SecurityProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "An API key is required",
                    $"{context.Request.Method} {context.Request.Path} needs a key with the {role} role (or higher) in the {ApiKeyAuthenticationHandler.HeaderName} header.").ConfigureAwait(false);
                return;
            }
            await SecurityProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "The key's role is not enough",
                $"{context.Request.Method} {context.Request.Path} needs the {role} role; this key has {HighestRole(context)}.").ConfigureAwait(false);
            return;
        }
        ChangeAuthor.Set(context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous");
        await next(context).ConfigureAwait(false);
    }

    private static string HighestRole(HttpContext context) => Roles.Ordered.LastOrDefault(context.User.IsInRole) ?? "no role";
}
