namespace GraphApi.Core.Domain;

/// <summary>
/// A set of actors by kind, country, region and sector; unset fields match everything. Values compare ignoring case
/// (the actor list, route targets, analysis groups, exports and the overview all select actors this one way); an actor
/// is in a sector when any of its sectors matches. Check input with <see cref="ActorFilterRules"/> before use.
/// </summary>
public sealed record ActorFilter(string? Kind = null, string? Country = null, string? Region = null, string? Sector = null)
{
    /// <summary>The filter fields as the API names them, in the order <see cref="ToString"/> writes them.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["kind", "country", "region", "sector"];

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
        string.Join(',', new[] { Kind, Country, Region, Sector }
            .Select((value, i) => value is null ? null : $"{FieldNames[i]}:{value}")
            .OfType<string>());
}
