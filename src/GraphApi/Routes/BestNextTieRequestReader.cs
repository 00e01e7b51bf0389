using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Routes;

/// <summary>What reading a request gave: a query, or per-field errors (400), or ids that do not exist (404).</summary>
public sealed record BestNextTieRead(BestNextTieQuery? Query, ValidationErrors Errors, IReadOnlyList<string> UnknownIds);

/// <summary>Checks a <see cref="BestNextTieRequest"/> field by field and turns it into a core query.</summary>
public static class BestNextTieRequestReader
{
    public static BestNextTieRead Read(BestNextTieRequest request, GraphSnapshot graph, Regions regions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(graph);
        var errors = new ValidationErrors();
        if (request.From is null)
        {
            errors.Add("from", "is required: the actor that would make the new tie");
        }
        else if (!Ids.IsValid(request.From))
        {
            errors.Add("from", $"'{request.From}' is not an actor id ({Ids.Pattern})");
        }
        CheckTarget(request, regions, errors);
        if (request.Candidates is { } candidates)
        {
            ActorFilterRules.Check(candidates.Filter, regions, errors, "candidates.");
        }
        if (request.Type is { } type && !graph.Catalogue.IsKnown(type))
        {
            errors.Add("type", $"'{type}' is not a known relationship type (see GET /api/relationship-types)");
        }
        CheckRange(request.MaxHops, "maxHops", 1, IntroductionQuery.MaxMaxHops, errors);
        CheckRange(request.Limit, "limit", 1, BestNextTieQuery.MaxLimit, errors);
        if (!errors.IsEmpty)
        {
            return new BestNextTieRead(null, errors, []);
        }
        var unknown = new[] { request.From, request.To!.Id }.OfType<string>().Where(id => graph.FindActor(id) is null).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            return new BestNextTieRead(null, errors, unknown);
        }
        var to = request.To;
        var query = new BestNextTieQuery(request.From!, to.Id is { } id
            ? RouteTarget.Actor(id)
            : RouteTarget.Matching(to.Filter.Matches))
        {
            Candidates = request.Candidates is { } candidateFilter ? candidateFilter.Filter.Matches : null,
            IncludeTied = request.IncludeTied ?? false,
            TieType = request.Type ?? BestNextTieQuery.DefaultTieType,
            MaxHops = request.MaxHops ?? IntroductionQuery.DefaultMaxHops,
            Limit = request.Limit ?? BestNextTieQuery.DefaultLimit,
            Options = new RouteQueryOptions(today),
        };
        return new BestNextTieRead(query, errors, []);
    }

    private static void CheckTarget(BestNextTieRequest request, Regions regions, ValidationErrors errors)
    {
        if (RouteTargetRules.Check(request.To, regions, errors) is { } id && id == request.From)
        {
            errors.Add("to.id", "must not be the from actor");
        }
    }

    private static void CheckRange(int? value, string field, int min, int max, ValidationErrors errors)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, $"must be between {min} and {max}");
        }
    }
}
