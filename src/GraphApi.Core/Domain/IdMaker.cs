using System.Globalization;
using System.Text;

namespace GraphApi.Core.Domain;

/// <summary>
/// Readable ids for records created without one: a slug of the actor's name ("Pôle Eau" → <c>pole-eau</c>) or of
/// source-type-target for a relationship (<c>pole-eau-mou-kicox</c>), with <c>-2</c>, <c>-3</c>, … when taken. Every id
/// it makes passes <see cref="Ids.IsValid"/>.
/// </summary>
public static class IdMaker
{
    private const int MaxLength = 64;
    private const int MaxSuffixes = 10_000;

    public static string ForActor(Actor actor, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stem = Slug(actor.Name);
        // A name with no Latin letters or digits (e.g. only Hangul) slugs to nothing: fall back to its kind.
        return Unique(InSpaceOf(actor.Workspace, stem.Length >= 2 ? stem : FallbackStem(actor.Kind, "actor")), taken);
    }

    public static string ForRelationship(Relationship relationship, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var stem = Slug($"{relationship.Source} {relationship.Type} {relationship.Target}");
        return Unique(InSpaceOf(relationship.Workspace, stem.Length >= 2 ? stem : "relationship"), taken);
    }

    /// <summary>Lower case, accents dropped, every run of other characters one hyphen, at most 64 characters.</summary>
    public static string Slug(string? text)
    {
        var slug = new StringBuilder(MaxLength);
        foreach (var c in LenientNormalization.Normalize(text ?? "", NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // the accent of a decomposed letter: "é" becomes "e"
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= MaxLength)
            {
                break;
            }
        }
        return Trim(slug.ToString(), MaxLength);
    }

    /// <summary>A private record's id in its workspace's space (<see cref="IdNamespaces"/>); slugs never hold "--", so public ones stay outside.</summary>
    private static string InSpaceOf(string? workspace, string stem)
    {
        var prefix = IdNamespaces.PrefixOf(workspace);
        return prefix + Trim(stem, MaxLength - prefix.Length);
    }

    private static string FallbackStem(string? kind, string fallback) => Slug(kind) is { Length: >= 2 } stem ? stem : fallback;

    private static string Unique(string stem, Func<string, bool> taken)
    {
        if (!taken(stem))
        {
            return stem;
        }
        for (var n = 2; n < MaxSuffixes; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = Trim(stem, MaxLength - suffix.Length) + suffix; // a prefix is 26 characters at most: never cut
            if (!taken(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"no free id left for '{stem}' after {MaxSuffixes} tries");
    }

    private static string Trim(string slug, int length) => (slug.Length > length ? slug[..length] : slug).Trim('-');
}
