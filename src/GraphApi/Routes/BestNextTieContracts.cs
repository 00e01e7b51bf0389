using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;
using GraphApi.Core.Routing;
namespace GraphApi.Routes;

/// <summary>
/// "Whom should <c>from</c> meet next?" Every field is optional at the JSON level so each mistake comes back as its
/// own per-field error.
/// </summary>
public sealed record BestNextTieRequest(
    string? From,
    RouteTargetInput? To,
    ActorFilterInput? Candidates,
    bool? IncludeTied,
    string? Type,
    [property: Range(1, IntroductionQuery.MaxMaxHops)] int? MaxHops,
    [property: Range(1, BestNextTieQuery.MaxLimit)] int? Limit);

/// <summary>A filter over actors: any of kind / country / region / sector, combined with AND.</summary>
public sealed record ActorFilterInput(string? Kind, string? Country, string? Region, string? Sector)
{
    [System.Text.Json.Serialization.JsonIgnore] // the core filter these fields make, not part of the contract
    public ActorFilter Filter => new(Kind, Country, Region, Sector);
}

/// <summary>
/// The situation today (<c>current</c> best route, how many target actors exist and how many a route of at most
/// <c>maxHops</c> reaches) and the candidates for the new tie, best first.
/// </summary>
public sealed record BestNextTieResponse(
    string From,
    NewTieView Tie,
    int MaxHops,
    int Targets,
    int ReachableTargets,
    int CandidatesTried,
    RouteView? Current,
    IReadOnlyList<TieCandidateView> Candidates);

/// <summary>The assumed tie: its type and the catalogue strength it is counted at.</summary>
public sealed record NewTieView(string Type, double Strength);

/// <summary>
/// One candidate. <c>bestScore</c> is the best route score to the target with the new tie, <c>gain</c> how much it
/// rises over today's (0 when the tie only opens new targets), <c>newlyReachable</c> how many target actors a route
/// reaches with the tie and not without it; <c>route</c> is the route the tie opens.
/// </summary>
public sealed record TieCandidateView(
    CandidateActorView Actor,
    double BestScore,
    double Gain,
    int NewlyReachable,
    OpenedRouteView Route);

public sealed record CandidateActorView(string Id, string Name, string Kind, string Country, string Region);

/// <summary>
/// The route the new tie opens: <c>from</c> → candidate over the new tie, then the candidate's best existing route
/// (<c>steps</c>, empty when the candidate is itself a target). <c>score</c> = tie strength × Π s of the steps.
/// </summary>
public sealed record OpenedRouteView(
    double Score,
    double Cost,
    int Hops,
    string Target,
    IReadOnlyList<string> Path,
    string Explanation,
    IReadOnlyList<RouteStepView> Steps);
