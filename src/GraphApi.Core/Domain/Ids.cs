using System.Text.RegularExpressions;

namespace GraphApi.Core.Domain;

/// <summary>Actor and relationship ids are short lower-case slugs so they are safe in URLs, files and queries.</summary>
public static partial class Ids
{
    public const string Pattern = "^[a-z0-9][a-z0-9-]{1,63}$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();

    public static bool IsValid(string? id) => id is not null && SlugRegex().IsMatch(id);
}
