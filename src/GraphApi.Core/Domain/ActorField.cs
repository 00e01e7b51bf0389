namespace GraphApi.Core.Domain;

/// <summary>
/// The actor attributes a caller may select or group actors by: filters (<see cref="ActorFilter"/>) select on them, the
/// analyses partition by them. Declared in the one order every list of them uses.
/// </summary>
public enum ActorField
{
    Kind,
    Country,
    Region,
    Sector,
}

public static class ActorFields
{
    /// <summary>The sector group of actors that list no sector.</summary>
    public const string NoSector = "none";

    /// <summary>The fields as the API names them, indexed by <see cref="ActorField"/>: the one list of them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ActorField>().Select(f => f.ToString().ToLowerInvariant())];

    /// <summary>The field of that API name, in any case.</summary>
    public static bool TryParse(string? name, out ActorField attribute)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                attribute = (ActorField)i;
                return true;
            }
        }
        attribute = default;
        return false;
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
