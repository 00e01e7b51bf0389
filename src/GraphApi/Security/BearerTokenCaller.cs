using System.Security.Claims;

namespace GraphApi.Security;

/// <summary>A valid token this service still refuses, with the reason told to the caller.</summary>
public sealed class TokenRefusedException(string reason) : Exception(reason);

/// <summary>
/// Turns a validated token into the caller's principal, in the shape an API key gives (<see cref="CallerClaims"/>): the
/// subject as the name (the author recorded in the audit log), the highest mapped role with every role below it, and
/// the workspace when one is configured. The token's other claims are not carried over: nothing else reads them.
/// </summary>
public static class BearerTokenCaller
{
    public const string AuthenticationType = "Bearer";

    public static ClaimsPrincipal From(ClaimsPrincipal token, BearerTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(options);
        var subject = TokenClaimPath.Read(token.Claims, options.SubjectClaim);
        if (subject.Count != 1 || string.IsNullOrWhiteSpace(subject[0]))
        {
            throw new TokenRefusedException($"The bearer token names no single subject in its '{options.SubjectClaim}' claim, so changes could not be attributed.");
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, subject[0]) };
        if (HighestRole(TokenClaimPath.Read(token.Claims, options.RoleClaim), options.RoleMap) is { } role)
        {
            claims.AddRange(Roles.Implied(role).Select(r => new Claim(ClaimTypes.Role, r)));
        }
        if (!string.IsNullOrWhiteSpace(options.WorkspaceClaim))
        {
            var workspaces = TokenClaimPath.Read(token.Claims, options.WorkspaceClaim).Distinct(StringComparer.Ordinal).ToList();
            if (workspaces.Count > 1)
            {
                throw new TokenRefusedException($"The bearer token names {workspaces.Count} workspaces in its '{options.WorkspaceClaim}' claim; a caller belongs to one.");
            }
            if (workspaces is [{ Length: > 0 } workspace])
            {
                claims.Add(new Claim(CallerClaims.Workspace, workspace));
            }
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }

    /// <summary>The highest of the roles the provider's values map to; with no map, reader, editor and admin stand for themselves.</summary>
    public static string? HighestRole(IEnumerable<string> values, IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(map);
        var mapped = values.Select(v => map.Count == 0 ? v : map.GetValueOrDefault(v)).Where(r => r is not null && Roles.Rank(r) >= 0);
        return mapped.MaxBy(r => Roles.Rank(r!));
    }
}
