using GraphApi.Core.Domain;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Hosting;

/// <summary>Strong ETags carry the entity's store revision, so If-Match maps directly onto optimistic concurrency.</summary>
public static class ETags
{
    public static string For(long revision) => $"\"{revision}\"";

    /// <summary>Reads If-Match: absent or <c>*</c> → no precondition (null); one quoted revision → it; anything else → a 400 error.</summary>
    public static long? ReadIfMatch(HttpRequest request, ValidationErrors errors)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }
        if (EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            return revision;
        }
        errors.Add("If-Match", "must be * or one strong ETag as returned by a GET (e.g. \"3\")");
        return null;
    }
}
