using GraphApi.Http.Caching;
using GraphApi.Http.Input;
using GraphApi.Introductions;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Catalogues;

/// <summary>
/// GET /api/catalogues: the values forms offer (the explorer's selects and suggestions), from the same closed sets the
/// request check and the OpenAPI document's enums use, plus the countries and sectors the data uses. Nothing is copied
/// by hand into a client: a deployment that configures other regions or types sees them here.
/// </summary>
public static class CatalogueEndpoints
{
    public static RouteHandlerBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/catalogues", GetCatalogues).CachedByGraphVersion().WithTags("Catalogues").WithName("GetCatalogues")
            .WithSummary("The values forms may offer: kinds, regions, types, partitions, statuses, and the countries and sectors in use")
            .WithDescription(
                "The closed sets (`kinds`, `regions`, `relationshipTypes`, `partitions`, `statuses`) are the ones every request is checked " +
                "against and the OpenAPI document's enums list. `countries` and `sectors` are the values actors carry, each with how many " +
                "actors carry it, most first (then alphabetically); sectors are free text, so a filter may also name one not listed. " +
                "Cached per graph version (ETag).");

    private static Ok<CatalogueView> GetCatalogues(CallerGraph caller, ClosedSets sets)
    {
        // The caller's view: a member's private actors count in the values offered, nobody else's do.
        var snapshot = caller.Snapshot;
        var actors = snapshot.Actors;
        return TypedResults.Ok(new CatalogueView(
            sets[Sets.Kind].Values,
            sets[Sets.Region].Values,
            sets[Sets.RelationshipType].Values,
            sets[Sets.Partition].Values,
            sets[IntroductionSets.Status].Values,
            InUse(actors.Select(a => a.Country)),
            InUse(actors.SelectMany(a => a.Sectors)),
            snapshot.Version));
    }

    /// <summary>Values counted ignoring case, each under its most common spelling; most actors first, then by value.</summary>
    private static List<ValueInUse> InUse(IEnumerable<string> values) =>
    [
        .. values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ValueInUse(g.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key, g.Count()))
            .OrderByDescending(v => v.Actors).ThenBy(v => v.Value, StringComparer.OrdinalIgnoreCase),
    ];
}
