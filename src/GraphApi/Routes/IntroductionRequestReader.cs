using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Http;
using GraphApi.Http.Input;

namespace GraphApi.Routes;

/// <summary>Checks an <see cref="IntroductionRequest"/> field by field and against the graph, and turns it into a core query.</summary>
public static class IntroductionRequestReader
{
    /// <param name="learnedStrengths">The ledger's learned strengths, asked for only when the request wants them.</param>
    /// <exception cref="DomainValidationException">Every broken field (400).</exception>
    /// <exception cref="NotFoundException">Ids that name no actor (404).</exception>
    public static IntroductionQuery Read(IntroductionRequest request, GraphSnapshot graph, Regions regions, ClosedSets sets, DateOnly today,
        Func<StrengthOverrides> learnedStrengths)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(learnedStrengths);
        var errors = new ValidationErrors();
        var from = RouteIds.Check(request.From, "from", errors, required: true);
        var avoid = RouteIds.Check(request.Avoid, "avoid", errors, required: false);
        var to = RouteTargetRules.Read(request.To, regions, errors);
        CheckApart(to?.ActorId, from, avoid, errors);
        CheckRange(request.K, "k", 1, IntroductionQuery.MaxK, errors);
        CheckRange(request.MaxHops, "maxHops", 1, IntroductionQuery.MaxMaxHops, errors);
        var types = request.RelationshipTypes?.Select(t => sets.Canonical(Sets.RelationshipType, t, "relationshipTypes", errors)!).ToHashSet(StringComparer.Ordinal);
        var asOf = AsOfQuery.Parse(request.AsOf, errors);
        if (request.HalfLifeYears is { } halfLife && !(halfLife >= RouteQueryOptions.MinHalfLifeYears && halfLife <= RouteQueryOptions.MaxHalfLifeYears))
        {
            errors.Add("halfLifeYears", $"must be a number of years between {RouteQueryOptions.MinHalfLifeYears} and {RouteQueryOptions.MaxHalfLifeYears} " +
                "(leave it out to turn decay off)");
        }
        var strengths = sets.Canonical(RouteSets.StrengthSource, request.Strengths, "strengths", errors);
        errors.ThrowIfAny();
        RouteIds.ThrowIfUnknown(graph, [.. from, .. avoid, to!.ActorId]);
        return new IntroductionQuery(from, to)
        {
            K = request.K ?? IntroductionQuery.DefaultK,
            MaxHops = request.MaxHops ?? IntroductionQuery.DefaultMaxHops,
            Avoid = avoid,
            Options = new RouteQueryOptions(today)
            {
                RelationshipTypes = types,
                AsOf = asOf,
                HalfLifeYears = request.HalfLifeYears,
                Strengths = strengths == RouteSets.Learned ? learnedStrengths() : null,
            },
            DistinctTargets = request.DistinctTargets ?? false,
            Disjoint = request.Disjoint ?? false,
        };
    }

    private static void CheckApart(string? target, string[] from, string[] avoid, ValidationErrors errors)
    {
        foreach (var both in avoid.Intersect(from, StringComparer.Ordinal))
        {
            errors.Add("avoid", $"'{both}' is also a from actor");
        }
        if (target is null)
        {
            return;
        }
        if (from.Contains(target, StringComparer.Ordinal))
        {
            errors.Add("to.id", "must not be one of the from actors");
        }
        if (avoid.Contains(target, StringComparer.Ordinal))
        {
            errors.Add("avoid", "must not contain the target");
        }
    }

    /// <summary>One range check for every bounded whole number a route question takes.</summary>
    public static void CheckRange(int? value, string field, int min, int max, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, $"must be between {min} and {max}");
        }
    }
}
