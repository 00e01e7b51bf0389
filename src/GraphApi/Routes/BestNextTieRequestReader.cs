using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Http.Input;

namespace GraphApi.Routes;

/// <summary>Checks a <see cref="BestNextTieRequest"/> field by field and against the graph, and turns it into a core query.</summary>
public static class BestNextTieRequestReader
{
    /// <exception cref="DomainValidationException">Every broken field (400).</exception>
    /// <exception cref="NotFoundException">Ids that name no actor (404).</exception>
    public static BestNextTieQuery Read(BestNextTieRequest request, GraphSnapshot graph, Regions regions, ClosedSets sets, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sets);
        var errors = new ValidationErrors();
        var from = RouteIds.Check(request.From, "from", errors, required: true);
        var to = RouteTargetRules.Read(request.To, regions, errors);
        if (to?.ActorId is { } target && from.Contains(target, StringComparer.Ordinal))
        {
            errors.Add("to.id", "must not be one of the from actors");
        }
        var candidates = request.Candidates is { } filter ? ActorFilterRules.Check(filter.Filter, regions, errors, "candidates.") : null;
        var type = sets.Canonical(Sets.RelationshipType, request.Type, "type", errors);
        IntroductionRequestReader.CheckRange(request.MaxHops, "maxHops", 1, IntroductionQuery.MaxMaxHops, errors);
        IntroductionRequestReader.CheckRange(request.Limit, "limit", 1, BestNextTieQuery.MaxLimit, errors);
        errors.ThrowIfAny();
        RouteIds.ThrowIfUnknown(graph, [.. from, to!.ActorId]);
        return new BestNextTieQuery(from, to)
        {
            Candidates = candidates is null ? null : candidates.Matches,
            IncludeTied = request.IncludeTied ?? false,
            TieType = type ?? BestNextTieQuery.DefaultTieType,
            MaxHops = request.MaxHops ?? IntroductionQuery.DefaultMaxHops,
            Limit = request.Limit ?? BestNextTieQuery.DefaultLimit,
            Options = new RouteQueryOptions(today),
        };
    }
}
