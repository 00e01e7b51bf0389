using GraphApi.Core.Domain;

namespace GraphApi.Core.Routing;

/// <summary>
/// "Whom should <see cref="From"/> meet so that next time a route reaches <see cref="To"/>?" Every candidate is
/// tried as one new tie From–candidate of <see cref="TieType"/> (at its catalogue strength, undated, so it never
/// decays); routes obey the same rules as introduction routes (<see cref="IntroductionRouter"/>).
/// </summary>
/// <remarks>
/// <see cref="From"/> may name several actors (a consortium, or an organisation and its branches): they act as one.
/// Today's best route is the router's best from any of them; candidates are the actors outside the set (and, unless
/// <see cref="IncludeTied"/>, not tied to any of it); the new tie is made by the set's first actor in id order, since
/// every From actor would open a route of the same cost and hops and the router settles such ties by the actors' id
/// sequence, which starts with the From actor. Routes never pass through a From actor, as the router's do not.
/// One From actor gives exactly the single-actor answer.
/// </remarks>
public sealed record BestNextTieQuery(IReadOnlyList<string> From, RouteTarget To)
{
    public BestNextTieQuery(string from, RouteTarget to)
        : this([from], to)
    {
    }

    public const string DefaultTieType = "MOU";
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    /// <summary>Which actors may be the other end of the new tie; null means every actor.</summary>
    public Func<Actor, bool>? Candidates { get; init; }

    /// <summary>Also try actors already tied to a <see cref="From"/> actor (a second, maybe stronger, tie); off by default.</summary>
    public bool IncludeTied { get; init; }

    public string TieType { get; init; } = DefaultTieType;
    public int MaxHops { get; init; } = IntroductionQuery.DefaultMaxHops;
    public int Limit { get; init; } = DefaultLimit;
    /// <summary>Which ties count and how they decay; its date is the caller's today.</summary>
    public required RouteQueryOptions Options { get; init; }
}

/// <summary>
/// One candidate: the new tie <see cref="Source"/>–<see cref="Actor"/> (strength <see cref="TieStrength"/>; the source
/// is the From actor that makes it) followed by
/// <see cref="Continuation"/>, the best existing route from the candidate to a target (zero hops when the candidate
/// is a target itself). <see cref="Score"/> is that opened route's score, <see cref="BestScore"/> the best score
/// to the target with the tie (the opened route's or the current one's, whichever is higher), <see cref="Gain"/>
/// = BestScore − current best score, and <see cref="NewlyReachable"/> the target actors a route of at most
/// maxHops reaches with the tie and not without it.
/// </summary>
public sealed record TieCandidate(int Source, int Actor, double TieStrength, Route Continuation, double Score, double BestScore, double Gain, int NewlyReachable)
{
    public int Hops => Continuation.Hops + 1;

    /// <summary>−ln of the opened route's score, summed hop by hop so it stays finite where <see cref="Score"/> underflows to 0.</summary>
    public double Cost => HopCosts.CostOf(TieStrength) + Continuation.Cost;
}

/// <summary>
/// The ranked candidates (best first, at most the query's limit) and the situation without a new tie: the current
/// best route (null when none reaches a target within maxHops) and how many target actors are reachable at all.
/// </summary>
public sealed record BestNextTieResult(
    Route? Current,
    int Targets,
    int ReachableTargets,
    int CandidatesTried,
    IReadOnlyList<TieCandidate> Candidates);
