using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;
using GraphApi.Core.Routing;
using GraphApi.Http.Input;

namespace GraphApi.Routes;

/// <summary>
/// An introduction-route question (POST /api/routes/introductions). Every field is optional at the JSON level so each
/// mistake comes back as its own per-field error; <c>from</c> and <c>to</c> are required (<see cref="Required"/>).
/// </summary>
/// <param name="From">Where routes start: one actor id or a list of them (1-100). Routes start at one of them and never pass through or end at another.</param>
/// <param name="To">Where routes end: one actor (<c>{"id":…}</c>) or any actor matching a filter.</param>
/// <param name="K">How many routes, best first: 1-10, default 3.</param>
/// <param name="MaxHops">The most hops a route may have: 1-8, default 6.</param>
/// <param name="RelationshipTypes">Only ties of these types (any case): one type or a list. Default: every type.</param>
/// <param name="Avoid">Actors no route may visit: one actor id or a list of them (at most 100); not the target.</param>
/// <param name="AsOf">A day (YYYY-MM-DD): only ties in force that day count, and ages are measured to it. Default: every tie, ages to today.</param>
/// <param name="HalfLifeYears">Recency decay: a tie's strength halves every this many years since it began (0.1-10000). Left out: no decay.</param>
/// <param name="DistinctTargets">Each route ends at a different actor (for filter targets). Default false.</param>
/// <param name="Disjoint">No route passes through or ends at an actor an earlier route passes through, nor repeats an earlier direct tie. Default false.</param>
/// <param name="Strengths">stated (default): each relationship's own strength; learned: what the introduction ledger learned of it (any case).</param>
public sealed record IntroductionRequest(
    [property: OneOrMany] IReadOnlyList<string>? From,
    RouteTargetInput? To,
    [property: Range(1, IntroductionQuery.MaxK)] int? K,
    [property: Range(1, IntroductionQuery.MaxMaxHops)] int? MaxHops,
    [property: OneOrMany, OneOf(Sets.RelationshipType)] IReadOnlyList<string>? RelationshipTypes,
    [property: OneOrMany] IReadOnlyList<string>? Avoid,
    string? AsOf,
    [property: Range(RouteQueryOptions.MinHalfLifeYears, RouteQueryOptions.MaxHalfLifeYears)] double? HalfLifeYears,
    bool? DistinctTargets,
    bool? Disjoint,
    [property: OneOf(RouteSets.StrengthSource)] string? Strengths = null)
{
    /// <summary>The fields a request must give: the reader refuses their absence and the document marks them required.</summary>
    public static readonly IReadOnlyList<string> Required = ["from", "to"];
}

/// <summary>Either one actor (<c>id</c>) or a filter (any of kind / country / region / sector, combined with AND) — never both.</summary>
/// <param name="Id">One actor id: routes end at this actor. Leave out to give a filter instead.</param>
/// <param name="Kind">Any actor of this kind (any case).</param>
/// <param name="Country">Any actor in this country: an ISO 3166-1 alpha-2 code, or EU (any case).</param>
/// <param name="Region">Any actor in this region (any case).</param>
/// <param name="Sector">Any actor that lists this sector (free text, ignoring case).</param>
public sealed record RouteTargetInput(
    string? Id,
    [property: OneOf(Sets.Kind)] string? Kind,
    [property: OneOf(Sets.Country)] string? Country,
    [property: OneOf(Sets.Region)] string? Region,
    string? Sector)
{
    [System.Text.Json.Serialization.JsonIgnore] // derived from the fields above, not part of the contract
    public bool HasFilter => !Filter.IsEmpty;

    [System.Text.Json.Serialization.JsonIgnore]
    public ActorFilter Filter => new(Kind, Country, Region, Sector);
}

/// <summary>Routes best first; <c>reason</c> explains an empty list (no route is an answer, not an error).</summary>
/// <param name="Routes">The routes, best first (at most k; one for the shortest path).</param>
/// <param name="Reason">Why there is no route, when <c>routes</c> is empty; absent otherwise.</param>
public sealed record RoutesResponse(IReadOnlyList<RouteView> Routes, string? Reason);

/// <summary>One route from a <c>from</c> actor to a target, hop by hop.</summary>
/// <param name="Score">The product of the hops' strengths, 0..1 (higher is better); e^−cost.</param>
/// <param name="Cost">The sum of the hops' costs −ln s; finite even where the score underflows to 0.</param>
/// <param name="Hops">The number of hops (relationships travelled).</param>
/// <param name="Source">The actor the route starts at (one of <c>from</c>).</param>
/// <param name="Target">The actor the route ends at.</param>
/// <param name="Explanation">The route in words, one clause per hop.</param>
/// <param name="Path">The actor ids along the route, source first.</param>
/// <param name="Steps">The hops, in travel order.</param>
public sealed record RouteView(
    double Score,
    double Cost,
    int Hops,
    string Source,
    string Target,
    string Explanation,
    IReadOnlyList<string> Path,
    IReadOnlyList<RouteStepView> Steps);

/// <summary>One hop of a route.</summary>
/// <param name="From">The actor the hop leaves.</param>
/// <param name="To">The actor the hop reaches.</param>
/// <param name="Type">The relationship's type.</param>
/// <param name="Direction">forward when travel follows the stored source → target, backward when it goes against it.</param>
/// <param name="Strength">The hop's strength s as the route counted it (after decay).</param>
/// <param name="BaseStrength">The relationship's strength before decay: its own, or its type's default.</param>
/// <param name="Since">When the relationship began (YYYY, YYYY-MM or YYYY-MM-DD), if known.</param>
/// <param name="Until">When it ended, if it did.</param>
/// <param name="Evidence">Where the relationship is documented.</param>
/// <param name="Relationship">The relationship's id.</param>
/// <param name="Source">The relationship's stored source actor.</param>
/// <param name="Target">The relationship's stored target actor.</param>
/// <param name="Note">The relationship's note, if any.</param>
/// <param name="Event">The event the tie was made at (met at), if any.</param>
/// <param name="Inferred">True when the source implies rather than states the tie.</param>
public sealed record RouteStepView(
    string From,
    string To,
    string Type,
    [property: OneOf(RouteSets.Direction)] string Direction,
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

    /// <summary>`private` when the hop uses one of your workspace's own ties (only its members see such routes); absent for a public tie.</summary>
    public string? Visibility { get; init; }
}

/// <summary>A tie's learned strength and the ledger trials it comes from (see POST /api/introductions).</summary>
/// <param name="Strength">(w·s + successes) / (w + trials) with w = 10 and s the stated strength: the tie's strength as the ledger learned it, before decay.</param>
/// <param name="Successes">Asks the tie carried (forwarded).</param>
/// <param name="Failures">Asks that stopped at it (declined or no answer).</param>
/// <param name="Trials">Successes plus failures.</param>
public sealed record LearnedStrengthView(double Strength, int Successes, int Failures, int Trials);
