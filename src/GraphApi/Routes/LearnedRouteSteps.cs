using GraphApi.Core.Introductions;

namespace GraphApi.Routes;

/// <summary>
/// Adds to each step of a route answer what the caller's view of the ledger (public asks plus their workspace's) learned of
/// its tie, so callers can compare stated and learned.
/// </summary>
public static class LearnedRouteSteps
{
    public static RoutesResponse Annotate(RoutesResponse response, LedgerView ledger)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(ledger);
        var trials = ledger.Trials;
        return response with
        {
            Routes = [.. response.Routes.Select(route => route with
            {
                Steps = [.. route.Steps.Select(step => step with { Learned = Learned(step, trials) })],
            })],
        };
    }

    private static LearnedStrengthView Learned(RouteStepView step, IReadOnlyDictionary<string, TrialCount> trials)
    {
        var count = trials.GetValueOrDefault(step.Relationship);
        return new LearnedStrengthView(LearnedStrength.Estimate(step.BaseStrength, count), count.Successes, count.Failures, count.Trials);
    }
}
