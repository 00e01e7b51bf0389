using GraphApi.Core.Domain;

namespace GraphApi.Http.Input;

/// <summary>A named closed set of values, spelled as the API spells them.</summary>
public sealed record ClosedSet(string Name, IReadOnlyList<string> Values, string? Kind = null)
{
    /// <summary>The set's spelling of <paramref name="value"/>, matched in any case, or null when it is not in the set.</summary>
    public string? Canonical(string value) =>
        Values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The words of a refusal: <c>'x' is not a known kind; use one of A, B, C</c>.</summary>
    public string Refusal(string value) => Kind is null
        ? $"'{Shorten(value)}' is not a known {Name}; use one of {string.Join(", ", Values)}"
        : $"'{Shorten(value)}' is not {Kind}";

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>
/// Every closed set a request can name, by the names <see cref="OneOfAttribute"/> uses. Sets that a deployment
/// configures (regions, relationship types) are read from the same catalogues the domain checks against, so the
/// OpenAPI document's enums, the request check and the domain rules never disagree.
/// </summary>
public sealed class ClosedSets
{
    private readonly Dictionary<string, ClosedSetSource> _sets = new(StringComparer.Ordinal);

    public ClosedSets(IEnumerable<ClosedSetSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            _sets.Add(source.Name, source);
        }
    }

    public ClosedSet this[string name] => _sets.TryGetValue(name, out var source)
        ? new ClosedSet(name, source.Values(), source.Kind)
        : throw new KeyNotFoundException($"no closed set named '{name}' is registered");

    /// <summary>
    /// The set's spelling of a body value (null stays null), for readers to hand the core one spelling: the request
    /// check accepts any case in bodies but, unlike query values, leaves them as sent. A value outside the set (which
    /// the check refuses first) is an error on <paramref name="field"/>.
    /// </summary>
    public string? Canonical(string set, string? value, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return null;
        }
        var closed = this[set];
        if (closed.Canonical(value) is { } canonical)
        {
            return canonical;
        }
        errors.Add(field, closed.Refusal(value));
        return value;
    }
}

/// <summary>
/// Registers one closed set; <see cref="Values"/> is asked each time, so configured catalogues stay current. A set too
/// long to list in a refusal names its <see cref="Kind"/> instead ("an ISO 3166-1 alpha-2 country code (or EU)").
/// </summary>
public sealed record ClosedSetSource(string Name, Func<IReadOnlyList<string>> Values, string? Kind = null);

/// <summary>The names of the closed sets the domain defines (features register their own beside their endpoints).</summary>
public static class Sets
{
    public const string Kind = "kind";
    public const string Region = "region";
    public const string Country = "country";
    public const string RelationshipType = "relationship type";
    public const string Partition = "partition";

    public static IServiceCollection AddClosedSet(this IServiceCollection services, string name, Func<IServiceProvider, IReadOnlyList<string>> values, string? kind = null) =>
        services.AddSingleton(sp => new ClosedSetSource(name, () => values(sp), kind));

    /// <summary>The domain's sets; each feature adds its own (sorts, measures, formats, statuses) with <see cref="AddClosedSet"/>.</summary>
    public static IServiceCollection AddDomainClosedSets(this IServiceCollection services) => services
        .AddSingleton<ClosedSets>()
        .AddClosedSet(Kind, _ => ActorKinds.All)
        .AddClosedSet(Region, sp => [.. sp.GetRequiredService<Regions>().Names])
        .AddClosedSet(Country, _ => Countries.All, "an ISO 3166-1 alpha-2 country code")
        .AddClosedSet(RelationshipType, sp => [.. sp.GetRequiredService<RelationshipTypeCatalogue>().All.Select(t => t.Name)])
        .AddClosedSet(Partition, _ => Core.Domain.ActorFields.Names);
}
