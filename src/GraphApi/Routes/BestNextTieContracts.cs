using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;
using GraphApi.Core.Routing;
using GraphApi.Http.Input;

namespace GraphApi.Routes;

/// <summary>
/// "Whom should <c>from</c> meet next?" (POST /api/routes/best-next-tie). Every field is optional at the JSON level so
/// each mistake comes back as its own per-field error; <c>from</c> and <c>to</c> are required (<see cref="Required"/>).
/// </summary>
/// <param name="From">Who would make the new tie: one actor id, or a list of them (1-100) that acts as one.</param>
/// <param name="To">Where routes should reach: one actor (<c>{"id":…}</c>) or any actor matching a filter.</param>
/// <param name="Candidates">Which actors to try as the other end of the tie: a filter (AND). Default: every actor.</param>
/// <param name="IncludeTied">Also try actors already tied to a from actor (a second, maybe stronger, tie). Default false.</param>
/// <param name="Type">The new tie's relationship type (any case), counted at its catalogue strength. Default MOU.</param>
/// <param name="MaxHops">The most hops a route may have, the new tie included: 1-8, default 6.</param>
/// <param name="Limit">How many candidates to list, best first: 1-100, default 10.</param>
public sealed record BestNextTieRequest(
    [property: OneOrMany] IReadOnlyList<string>? From,
    RouteTargetInput? To,
    ActorFilterInput? Candidates,
    bool? IncludeTied,
    [property: OneOf(Sets.RelationshipType)] string? Type,
    [property: Range(1, IntroductionQuery.MaxMaxHops)] int? MaxHops,
    [property: Range(1, BestNextTieQuery.MaxLimit)] int? Limit)
{
    /// <summary>The fields a request must give: the reader refuses their absence and the document marks them required.</summary>
    public static readonly IReadOnlyList<string> Required = ["from", "to"];
}

/// <summary>A filter over actors: any of kind / country / region / sector, combined with AND.</summary>
/// <param name="Kind">Only actors of this kind (any case).</param>
/// <param name="Country">Only actors in this country: an ISO 3166-1 alpha-2 code, or EU (any case).</param>
/// <param name="Region">Only actors in this region (any case).</param>
/// <param name="Sector">Only actors that list this sector (free text, ignoring case).</param>
public sealed record ActorFilterInput(
    [property: OneOf(Sets.Kind)] string? Kind,
    [property: OneOf(Sets.Country)] string? Country,
    [property: OneOf(Sets.Region)] string? Region,
    string? Sector)
{
    [System.Text.Json.Serialization.JsonIgnore] // the core filter these fields make, not part of the contract
    public ActorFilter Filter => new(Kind, Country, Region, Sector);
}

/// <summary>The situation today and the candidates for the new tie, best first.</summary>
/// <param name="From">The actors the question was asked for, each once, in the order given.</param>
/// <param name="Tie">The tie each candidate was tried as.</param>
/// <param name="MaxHops">The hop bound the routes obeyed.</param>
/// <param name="Targets">How many actors the target names.</param>
/// <param name="ReachableTargets">How many of them a route of at most maxHops reaches today.</param>
/// <param name="CandidatesTried">How many actors were tried as the other end of the tie.</param>
/// <param name="Current">Today's best route to the target, absent when none reaches it within maxHops.</param>
/// <param name="Candidates">The candidates that raise the best score or reach a new target, best first (at most limit).</param>
public sealed record BestNextTieResponse(
    IReadOnlyList<string> From,
    NewTieView Tie,
    int MaxHops,
    int Targets,
    int ReachableTargets,
    int CandidatesTried,
    RouteView? Current,
    IReadOnlyList<TieCandidateView> Candidates);

/// <summary>The assumed tie.</summary>
/// <param name="Type">Its relationship type.</param>
/// <param name="Strength">The catalogue strength it is counted at (it is new, so it never decays).</param>
public sealed record NewTieView(string Type, double Strength);

/// <summary>One candidate for the new tie.</summary>
/// <param name="Actor">The actor at the other end of the tie.</param>
/// <param name="BestScore">The best route score to the target with the tie.</param>
/// <param name="Gain">How much bestScore rises over today's best (0 when the tie only opens new targets).</param>
/// <param name="NewlyReachable">How many target actors a route of at most maxHops reaches with the tie and not without it.</param>
/// <param name="Route">The route the tie opens.</param>
public sealed record TieCandidateView(
    CandidateActorView Actor,
    double BestScore,
    double Gain,
    int NewlyReachable,
    OpenedRouteView Route);

/// <summary>A candidate actor.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Country">Its country (ISO 3166-1 alpha-2, or EU).</param>
/// <param name="Region">Its region, derived from the country.</param>
public sealed record CandidateActorView(string Id, string Name, string Kind, string Country, string Region);

/// <summary>
/// The route a new tie opens: a from actor → the candidate over the new tie, then the candidate's best existing route
/// (<c>steps</c>, empty when the candidate is itself a target).
/// </summary>
/// <param name="Score">tie strength × Π s of the steps.</param>
/// <param name="Cost">−ln of the score, summed hop by hop (finite where the score underflows to 0).</param>
/// <param name="Hops">The hops, the new tie included.</param>
/// <param name="Target">The actor the route ends at.</param>
/// <param name="Path">The actor ids along the route: the from actor that makes the tie first, then the candidate.</param>
/// <param name="Explanation">The route in words, the new tie first.</param>
/// <param name="Steps">The existing hops after the new tie.</param>
public sealed record OpenedRouteView(
    double Score,
    double Cost,
    int Hops,
    string Target,
    IReadOnlyList<string> Path,
    string Explanation,
    IReadOnlyList<RouteStepView> Steps);
