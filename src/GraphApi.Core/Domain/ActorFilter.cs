namespace GraphApi.Core.Domain;

/// <summary>
/// A set of actors by kind, country, region and sector; unset fields match everything. Values compare ignoring case
/// (the actor list, route targets, analysis groups, exports and the overview all select actors this one way); an actor
/// is in a sector when any of its sectors matches. Check input with <see cref="ActorFilterRules"/> before use.
/// </summary>
public sealed record ActorFilter(string? Kind = null, string? Country = null, string? Region = null, string? Sector = null)
{
    public static ActorFilter All { get; } = new();

    public bool IsEmpty => Kind is null && Country is null && Region is null && Sector is null;

    public bool Matches(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return (Kind is null || string.Equals(actor.Kind, Kind, StringComparison.OrdinalIgnoreCase))
            && (Country is null || string.Equals(actor.Country, Country, StringComparison.OrdinalIgnoreCase))
            && (Region is null || string.Equals(actor.Region, Region, StringComparison.OrdinalIgnoreCase))
            && (Sector is null || actor.Sectors.Contains(Sector, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The filter in its text form, <c>field:value</c> pairs joined by commas (e.g. <c>kind:MiniCluster,region:KR</c>).</summary>
    public override string ToString() =>
        string.Join(',', Enum.GetValues<ActorField>().Select(f => this[f] is { } value ? $"{ActorFields.Names[(int)f]}:{value}" : null).OfType<string>());

    /// <summary>The value the filter asks for in that field, or null when it matches every value.</summary>
    public string? this[ActorField field] => field switch
    {
        ActorField.Kind => Kind,
        ActorField.Country => Country,
        ActorField.Region => Region,
        ActorField.Sector => Sector,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
