using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Analysis;

/// <summary>
/// Reads and checks the analysis endpoints' query values, collecting one error per bad field (the request check has
/// already refused unknown names, unreadable numbers and values outside the closed sets, and spelt those canonically).
/// </summary>
public static class AnalysisRequestReader
{
    public const int MaxActorFilter = 500;
    public const int MaxSample = 1_000_000;

    /// <summary>Below this ε the sample runs into millions of paths (r grows as 1/ε²): exact betweenness is the better question.</summary>
    public const double MinEpsilon = 0.001;
    public const double MaxEpsilon = 0.5;

    /// <summary>The sort that orders a list by actor id.</summary>
    public const string ByActor = "actor";

    public static readonly IReadOnlyList<string> BrokerageSorts = ["total", "coordinator", "itinerant", "representative", "gatekeeper", "liaison", ByActor];

    public static readonly IReadOnlyList<string> Orders = ["desc", "asc"];

    /// <summary>Measure names as the API spells them, in the order of <see cref="CentralityMeasures"/>' flags.</summary>
    public static readonly IReadOnlyList<(string Name, CentralityMeasures Flag)> Measures =
    [
        ("degree", CentralityMeasures.Degree),
        ("betweenness", CentralityMeasures.Betweenness),
        ("closeness", CentralityMeasures.Closeness),
        ("constraint", CentralityMeasures.Constraint),
        ("effectiveSize", CentralityMeasures.EffectiveSize),
    ];

    public static ActorField Partition(string? partition, ValidationErrors errors)
    {
        if (partition is null)
        {
            return ActorField.Region;
        }
        if (!ActorFields.TryParse(partition, out var field))
        {
            errors.Add("partition", $"'{partition}' is not a partition; use one of {string.Join(", ", ActorFields.Names)}");
        }
        return field;
    }

    public static string Sort(string? sort, IReadOnlyList<string> allowed, string fallback, ValidationErrors errors)
    {
        if (sort is null)
        {
            return fallback;
        }
        var match = allowed.FirstOrDefault(s => string.Equals(s, sort, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add("sort", $"'{sort}' cannot be sorted on here (only a requested measure, or actor); use one of {string.Join(", ", allowed)}");
        }
        return match ?? fallback;
    }

    public static bool Ascending(string? order, ValidationErrors errors)
    {
        switch (order?.ToLowerInvariant())
        {
            case null or "desc": return false;
            case "asc": return true;
            default:
                errors.Add("order", "must be asc or desc");
                return false;
        }
    }

    public static CentralityMeasures ParseMeasures(string? measures, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(measures))
        {
            return CentralityMeasures.All;
        }
        var wanted = CentralityMeasures.None;
        foreach (var name in SplitList(measures))
        {
            var match = Measures.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                errors.Add("measures", $"'{name}' is not a measure; use any of {string.Join(", ", Measures.Select(m => m.Name))}");
            }
            wanted |= match.Flag;
        }
        return wanted;
    }

    public static void CheckSample(int? sample, ValidationErrors errors)
    {
        if (sample is < 1 or > MaxSample)
        {
            errors.Add("sample", $"must be between 1 and {MaxSample} pivot sources");
        }
    }

    /// <summary>
    /// Checks the (ε, δ) estimate's parameters, one error per field: ε in [<see cref="MinEpsilon"/>, <see cref="MaxEpsilon"/>],
    /// δ strictly between 0 and 1 and only with ε, and ε neither with a pivot sample nor with weighted lengths.
    /// </summary>
    public static void CheckGuarantee(double? epsilon, double? delta, int? sample, bool weighted, ValidationErrors errors)
    {
        if (epsilon is { } e)
        {
            if (!(e >= MinEpsilon && e <= MaxEpsilon))
            {
                errors.Add("epsilon", $"must be between {MinEpsilon} and {MaxEpsilon} (the sample grows as 1/epsilon²; ask for exact betweenness instead)");
            }
            else if (sample is not null)
            {
                errors.Add("epsilon", "choose either sample (pivot sources, no stated error) or epsilon (sampled paths with a guarantee), not both");
            }
            else if (weighted)
            {
                errors.Add("epsilon", "the (epsilon, delta) estimate is for unweighted betweenness; leave out weighted=true, or use sample=k pivots");
            }
        }
        if (delta is { } d)
        {
            if (!(d > 0 && d < 1))
            {
                errors.Add("delta", "must be greater than 0 and less than 1 (the probability that the estimate misses epsilon)");
            }
            else if (epsilon is null)
            {
                errors.Add("delta", "applies only together with epsilon");
            }
        }
    }

    public static IReadOnlyList<string>? ActorIds(string? actors, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(actors))
        {
            return null;
        }
        var ids = SplitList(actors).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > MaxActorFilter)
        {
            errors.Add("actors", $"must list at most {MaxActorFilter} actor ids");
        }
        return ids;
    }

    /// <summary>A 404 naming the ids of <paramref name="ids"/> that the snapshot does not know, if any.</summary>
    /// <exception cref="NotFoundException">Those ids.</exception>
    public static void ThrowIfUnknown(GraphSnapshot snapshot, IReadOnlyList<string>? ids)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (ids?.Where(id => snapshot.FindActor(id) is null).ToArray() is { Length: > 0 } unknown)
        {
            throw NotFoundException.NoSuchActors(unknown);
        }
    }

    private static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
