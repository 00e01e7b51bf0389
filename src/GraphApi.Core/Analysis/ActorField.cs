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
