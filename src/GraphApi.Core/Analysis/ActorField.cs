using GraphApi.Core.Domain;

namespace GraphApi.Core.Analysis;

/// <summary>The actor attributes the analyses can partition or select on.</summary>
public enum ActorField
{
    Region,
    Country,
    Kind,
    Sector,
}

public static class ActorFields
{
    /// <summary>The sector group of actors that list no sector.</summary>
    public const string NoSector = "none";

    public static IReadOnlyList<string> Names { get; } = ["region", "country", "kind", "sector"];

    public static bool TryParse(string? name, out ActorField attribute)
    {
        attribute = default;
        switch (name?.Trim().ToLowerInvariant())
        {
            case "region": attribute = ActorField.Region; return true;
            case "country": attribute = ActorField.Country; return true;
            case "kind": attribute = ActorField.Kind; return true;
            case "sector": attribute = ActorField.Sector; return true;
            default: return false;
        }
    }

    /// <summary>
    /// The actor's single group when <paramref name="attribute"/> partitions the network. Brokerage needs exactly one group per actor (as R's
    /// <c>sna::brokerage</c> takes one class per vertex), but sectors are multi-valued: an actor is grouped by its
    /// first listed sector (the one its record names first, by convention its main one), and by "none" when it
    /// lists no sector.
    /// </summary>
    public static string GroupOf(Actor actor, ActorField attribute)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return attribute switch
        {
            ActorField.Region => actor.Region,
            ActorField.Country => actor.Country,
            ActorField.Kind => actor.Kind,
            ActorField.Sector => actor.Sectors.Count > 0 ? actor.Sectors[0] : NoSector,
            _ => throw new ArgumentOutOfRangeException(nameof(attribute)),
        };
    }
}

/// <summary>
/// A set of actors named as <c>attribute:value</c>, e.g. <c>region:EU</c>, <c>country:KR</c>,
/// <c>kind:MiniCluster</c>, <c>sector:water</c>. Values compare case-insensitively, like the actor list filters;
/// for sectors an actor belongs when any of its sectors matches.
/// </summary>
public sealed record ActorGroup(ActorField Field, string Value)
{
    public static bool TryParse(string? text, out ActorGroup group, out string error)
    {
        group = new ActorGroup(ActorField.Region, "");
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            error = $"must be attribute:value with attribute one of {string.Join(", ", ActorFields.Names)} (e.g. region:EU, kind:MiniCluster)";
            return false;
        }
        if (!ActorFields.TryParse(text[..colon], out var attribute))
        {
            error = $"'{text[..colon]}' is not a group attribute; use one of {string.Join(", ", ActorFields.Names)}";
            return false;
        }
        group = new ActorGroup(attribute, text[(colon + 1)..].Trim());
        error = "";
        return true;
    }

    public bool Contains(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Field == ActorField.Sector
            ? actor.Sectors.Contains(Value, StringComparer.OrdinalIgnoreCase)
            : string.Equals(ActorFields.GroupOf(actor, Field), Value, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => $"{ActorFields.Names[(int)Field]}:{Value}";
}
