namespace GraphApi.Core.Domain;

/// <summary>
/// Where a new record's id may lie, so that ids of different owners never meet: public ids hold no <c>--</c>, and a
/// workspace's private ids start with its id and <c>--</c> (<c>acme--daegu-contact</c>). Were there one shared space,
/// creating an id another workspace holds privately would answer 409 where a GET answers 404, which tells the caller
/// the record exists. With the rule, whether an id is free is only ever decided among records the caller can see, and
/// an id outside the caller's space is refused the same way whether or not anybody holds it.
/// </summary>
public static class IdNamespaces
{
    public const string Separator = "--";

    /// <summary>The longest workspace id, so that a private id keeps room for its own name (ids are at most 64 characters).</summary>
    public const int MaxWorkspaceIdLength = 24;

    /// <summary>What every new id of <paramref name="workspace"/> starts with; empty for the public graph.</summary>
    public static string PrefixOf(string? workspace) => workspace is null ? "" : workspace + Separator;

    /// <summary>Whether <paramref name="id"/> may name a new record owned by <paramref name="workspace"/> (null: public).</summary>
    public static bool IsIn(string id, string? workspace)
    {
        ArgumentNullException.ThrowIfNull(id);
        return workspace is null
            ? !id.Contains(Separator, StringComparison.Ordinal)
            : id.StartsWith(PrefixOf(workspace), StringComparison.Ordinal) && id.Length > PrefixOf(workspace).Length;
    }

    /// <summary>Adds an error on <paramref name="field"/> when a new record's id lies outside its owner's space.</summary>
    public static void Check(ValidationErrors errors, string field, string? id, string? workspace)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Refusal(id, workspace) is { } message)
        {
            errors.Add(field, message);
        }
    }

    /// <summary>Why a new record of <paramref name="workspace"/> may not take <paramref name="id"/>; null when it may (or the id is no slug, refused elsewhere).</summary>
    public static string? Refusal(string? id, string? workspace)
    {
        if (id is null || !Ids.IsValid(id) || IsIn(id, workspace))
        {
            return null;
        }
        return workspace is null
            ? $"must not contain '{Separator}': ids with it belong to workspaces' private records"
            : $"must start with '{PrefixOf(workspace)}' (a private record's id starts with its workspace's id and '{Separator}'), e.g. '{PrefixOf(workspace)}{Suggest(id)}'";
    }

    /// <summary>Whether <paramref name="id"/> can be a workspace id: a slug without <c>--</c> or a final hyphen, short enough to prefix ids.</summary>
    public static bool IsValidWorkspaceId(string? id) =>
        Ids.IsValid(id) && id!.Length <= MaxWorkspaceIdLength && !id.Contains(Separator, StringComparison.Ordinal) && !id.EndsWith('-');

    private static string Suggest(string id)
    {
        var at = id.LastIndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? id : id[(at + Separator.Length)..];
    }
}
