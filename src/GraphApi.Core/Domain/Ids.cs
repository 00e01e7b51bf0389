using System.Text.RegularExpressions;

namespace GraphApi.Core.Domain;

/// <summary>Actor and relationship ids are short lower-case slugs so they are safe in URLs, files and queries.</summary>
public static partial class Ids
{
    public const string Pattern = "^[a-z0-9][a-z0-9-]{1,63}$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();

    // .NET's '$' also matches before a final '\n', so "kicox\n" would pass the pattern alone.
    public static bool IsValid(string? id) => id is not null && !id.EndsWith('\n') && SlugRegex().IsMatch(id);
}
