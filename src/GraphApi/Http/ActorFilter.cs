using GraphApi.Core.Domain;

namespace GraphApi.Http;

/// <summary>The kind / country / region / sector filter shared by actor lists and route targets.</summary>
public static class ActorFilter
{
    public static bool Matches(Actor actor, string? kind, string? country, string? region, string? sector) =>
        (kind is null || string.Equals(actor.Kind, kind, StringComparison.OrdinalIgnoreCase))
        && (country is null || string.Equals(actor.Country, country, StringComparison.OrdinalIgnoreCase))
        && (region is null || string.Equals(actor.Region, region, StringComparison.OrdinalIgnoreCase))
        && (sector is null || actor.Sectors.Contains(sector, StringComparer.OrdinalIgnoreCase));
}
