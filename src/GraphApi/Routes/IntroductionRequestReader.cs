using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Routes;

/// <summary>What reading a request gave: a query, or per-field errors (400), or ids that do not exist (404).</summary>
public sealed record IntroductionRead(IntroductionQuery? Query, ValidationErrors Errors, IReadOnlyList<string> UnknownIds);

/// <summary>Checks an <see cref="IntroductionRequest"/> field by field and turns it into a core query.</summary>
public static class IntroductionRequestReader
{
    private const int MaxIds = 100;

    public const string StatedStrengths = "stated";
    public const string LearnedStrengths = "learned";

    /// <param name="learnedStrengths">The ledger's learned strengths, asked for only when the request wants them.</param>
    public static IntroductionRead Read(IntroductionRequest request, GraphSnapshot graph, Regions regions, DateOnly today,
        Func<StrengthOverrides>? learnedStrengths = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(graph);
        var errors = new ValidationErrors();
        var from = CheckIds(request.From, "from", errors, required: true);
        var avoid = CheckIds(request.Avoid, "avoid", errors, required: false);
        CheckTarget(request.To, from, avoid, regions, errors);
        foreach (var both in avoid.Intersect(from, StringComparer.Ordinal))
        {
            errors.Add("avoid", $"'{both}' is also a from actor");
        }
        CheckRange(request.K, "k", 1, IntroductionQuery.MaxK, errors);
        CheckRange(request.MaxHops, "maxHops", 1, IntroductionQuery.MaxMaxHops, errors);
        foreach (var type in request.RelationshipTypes ?? [])
        {
            if (!graph.Catalogue.IsKnown(type))
            {
                errors.Add("relationshipTypes", $"'{type}' is not a known relationship type (see GET /api/relationship-types)");
            }
        }
        DateOnly? asOf = null;
        if (request.AsOf is not null)
        {
            if (DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                asOf = day;
            }
            else
            {
                errors.Add("asOf", "must be a date of the form YYYY-MM-DD");
            }
        }
        if (request.HalfLifeYears is { } halfLife && !(halfLife >= RouteQueryOptions.MinHalfLifeYears && halfLife <= RouteQueryOptions.MaxHalfLifeYears))
        {
            errors.Add("halfLifeYears", $"must be a number of years between {RouteQueryOptions.MinHalfLifeYears} and {RouteQueryOptions.MaxHalfLifeYears} " +
                "(leave it out to turn decay off)");
        }
        if (request.Strengths is not (null or StatedStrengths or LearnedStrengths))
        {
            errors.Add("strengths", $"must be \"{StatedStrengths}\" (the relationships' own, the default) or \"{LearnedStrengths}\" (from the introduction ledger)");
        }
        if (!errors.IsEmpty)
        {
            return new IntroductionRead(null, errors, []);
        }
        var unknown = from.Concat(avoid).Append(request.To!.Id).OfType<string>().Where(id => graph.FindActor(id) is null).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            return new IntroductionRead(null, errors, unknown);
        }
        var query = new IntroductionQuery(from, Target(request.To))
        {
            K = request.K ?? IntroductionQuery.DefaultK,
            MaxHops = request.MaxHops ?? IntroductionQuery.DefaultMaxHops,
            Avoid = avoid,
            Options = new RouteQueryOptions(today)
            {
                RelationshipTypes = request.RelationshipTypes is { } types ? new HashSet<string>(types, StringComparer.Ordinal) : null,
                AsOf = asOf,
                HalfLifeYears = request.HalfLifeYears,
                Strengths = request.Strengths == LearnedStrengths ? learnedStrengths?.Invoke() : null,
            },
            DistinctTargets = request.DistinctTargets ?? false,
            Disjoint = request.Disjoint ?? false,
        };
        return new IntroductionRead(query, errors, []);
    }

    private static RouteTarget Target(RouteTargetInput to) =>
        to.Id is { } id ? RouteTarget.Actor(id) : RouteTarget.Matching(to.Filter.Matches);

    private static string[] CheckIds(IReadOnlyList<string>? ids, string field, ValidationErrors errors, bool required)
    {
        if (ids is null || ids.Count == 0)
        {
            if (required)
            {
                errors.Add(field, "must list at least one actor id");
            }
            return [];
        }
        if (ids.Count > MaxIds)
        {
            errors.Add(field, $"may list at most {MaxIds} actor ids");
        }
        foreach (var id in ids)
        {
            if (!Ids.IsValid(id))
            {
                errors.Add(field, $"'{id}' is not an actor id ({Ids.Pattern})");
            }
        }
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    private static void CheckTarget(RouteTargetInput? to, string[] from, string[] avoid, Regions regions, ValidationErrors errors)
    {
        if (RouteTargetRules.Check(to, regions, errors) is not { } id)
        {
            return;
        }
        if (from.Contains(id, StringComparer.Ordinal))
        {
            errors.Add("to.id", "must not be one of the from actors");
        }
        if (avoid.Contains(id, StringComparer.Ordinal))
        {
            errors.Add("avoid", "must not contain the target");
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
