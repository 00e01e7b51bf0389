using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GraphApi.Security;

/// <summary>
/// Reads the string values of a configured claim from a validated token's claims. The name is first taken whole (so
/// <c>graphapi_role</c> or a namespaced <c>https://example.org/roles</c> work as they are); failing that, it is a dotted
/// path whose longest leading part that names a claim is the claim, and the rest walks into its JSON value
/// (<c>realm_access.roles</c> → claim <c>realm_access</c>, member <c>roles</c>). Arrays give each of their strings.
/// </summary>
public static class TokenClaimPath
{
    public static IReadOnlyList<string> Read(IEnumerable<Claim> claims, string path)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var all = claims as IReadOnlyCollection<Claim> ?? [.. claims];
        var whole = all.Where(c => c.Type == path).ToList();
        if (whole.Count > 0)
        {
            return [.. whole.SelectMany(c => Values(c, []))];
        }
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            var type = path[..dot];
            var members = path[(dot + 1)..].Split('.');
            var holders = all.Where(c => c.Type == type).ToList();
            if (holders.Count > 0)
            {
                return [.. holders.SelectMany(c => Values(c, members))];
            }
        }
        return [];
    }

    private static List<string> Values(Claim claim, string[] members)
    {
        var isJson = claim.ValueType is JsonClaimValueTypes.Json or JsonClaimValueTypes.JsonArray;
        if (!isJson)
        {
            // A plain value has no members to walk into.
            return members.Length == 0 ? [claim.Value] : [];
        }
        using var document = JsonDocument.Parse(claim.Value);
        var found = new List<string>();
        Walk(document.RootElement, members, found);
        return found;
    }

    private static void Walk(JsonElement element, ReadOnlySpan<string> members, List<string> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, members, found);
            }
            return;
        }
        if (members.IsEmpty)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                found.Add(element.GetString()!);
            }
            return;
        }
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(members[0], out var member))
        {
            Walk(member, members[1..], found);
        }
    }
}
