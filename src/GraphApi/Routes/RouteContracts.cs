using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;
using GraphApi.Core.Routing;

namespace GraphApi.Routes;

/// <summary>
/// An introduction-route question. Every field is optional at the JSON level so each mistake comes back as its
/// own per-field error; <c>asOf</c> is text (YYYY-MM-DD) for the same reason.
/// </summary>
public sealed record IntroductionRequest(
    IReadOnlyList<string>? From,
    RouteTargetInput? To,
    [property: Range(1, IntroductionQuery.MaxK)] int? K,
    [property: Range(1, IntroductionQuery.MaxMaxHops)] int? MaxHops,
    IReadOnlyList<string>? RelationshipTypes,
    IReadOnlyList<string>? Avoid,
    string? AsOf,
    [property: Range(RouteQueryOptions.MinHalfLifeYears, RouteQueryOptions.MaxHalfLifeYears)] double? HalfLifeYears,
    bool? DistinctTargets,
    bool? Disjoint,
    string? Strengths = null);

/// <summary>Either one actor (<c>id</c>) or a filter (any of kind / country / region / sector, combined with AND) — never both.</summary>
public sealed record RouteTargetInput(string? Id, string? Kind, string? Country, string? Region, string? Sector)
{
    [System.Text.Json.Serialization.JsonIgnore] // derived from the fields above, not part of the contract
    public bool HasFilter => !Filter.IsEmpty;

    [System.Text.Json.Serialization.JsonIgnore]
    public ActorFilter Filter => new(Kind, Country, Region, Sector);
}

/// <summary>Routes best first; <c>reason</c> explains an empty list (no route is an answer, not an error).</summary>
public sealed record RoutesResponse(IReadOnlyList<RouteView> Routes, string? Reason);

public sealed record RouteView(
    double Score,
    double Cost,
    int Hops,
    string Source,
    string Target,
    string Explanation,
    IReadOnlyList<string> Path,
    IReadOnlyList<RouteStepView> Steps);

/// <summary>
/// One hop. <c>direction</c> is "forward" when travel follows the stored source → target and "backward" when it
/// goes against it; <c>source</c>/<c>target</c> are the stored ends. <c>strength</c> is after decay.
/// </summary>
public sealed record RouteStepView(
    string From,
    string To,
    string Type,
    string Direction,
    double Strength,
    double BaseStrength,
    PartialDate? Since,
    PartialDate? Until,
    Evidence? Evidence,
    string Relationship,
    string Source,
    string Target,
    string? Note,
    EventInfo? Event,
    bool Inferred)
{
    /// <summary>What the introduction ledger has learned of this tie (<c>strength</c> is before decay).</summary>
    public LearnedStrengthView? Learned { get; init; }
}

/// <summary>A tie's learned strength and the ledger trials it comes from (see POST /api/introductions).</summary>
public sealed record LearnedStrengthView(double Strength, int Successes, int Failures, int Trials);

public sealed record NeighbourhoodResponse(
    string Centre,
    int Depth,
    IReadOnlyList<NeighbourhoodNodeView> Nodes,
    IReadOnlyList<NeighbourhoodEdgeView> Edges,
    bool Truncated);

public sealed record NeighbourhoodNodeView(string Id, string Name, string Kind, string Country, string Region, int Depth);

public sealed record NeighbourhoodEdgeView(string Id, string Source, string Target, string Type, double Strength, PartialDate? Since, PartialDate? Until);
