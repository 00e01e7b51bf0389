using GraphApi.Core.Domain;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Http;

/// <summary>Strong ETags carry the entity's store revision, so If-Match maps directly onto optimistic concurrency.</summary>
public static class ETags
{
    public static string For(long revision) => $"\"{revision}\"";

    /// <summary>
    /// The checks every PUT and DELETE makes before writing: a readable If-Match, and a body id (if sent) equal to
    /// the URL's, since ids cannot change. Returns the expected revision; breaks become a 400 via the exception handler.
    /// </summary>
    public static long? WritePrecondition(HttpRequest request, string routeId, string? bodyId = null)
    {
        var errors = new ValidationErrors();
        var expected = ReadIfMatch(request, errors);
        if (bodyId is not null && bodyId != routeId)
        {
            errors.Add("id", $"must match the id in the URL ('{routeId}'); ids cannot be changed");
        }
        return errors.IsEmpty ? expected : throw new DomainValidationException(errors);
    }

    /// <summary>Reads If-Match: absent or <c>*</c> → no precondition (null); one quoted revision → it; anything else → a 400 error.</summary>
    private static long? ReadIfMatch(HttpRequest request, ValidationErrors errors)
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
