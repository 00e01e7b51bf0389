namespace GraphApi.Core.Introductions;

/// <summary>How often a relationship carried an ask (successes) and how often it did not (failures).</summary>
public readonly record struct TrialCount(int Successes, int Failures)
{
    public int Trials => Successes + Failures;

    public TrialCount Add(TrialCount other) => new(Successes + other.Successes, Failures + other.Failures);
}

/// <summary>
/// The learned introduction strength of a relationship: a Beta(a0, b0) prior centred on its stated strength s
/// (its own override, or its type's default), a0 = w·s and b0 = w·(1 − s) with prior weight w =
/// <see cref="PriorWeight"/>, updated by the ledger's trials; the learned strength is the posterior mean
/// (a0 + successes) / (w + trials). It is always in (0, 1]: a0 &gt; 0 because s &gt; 0, and successes never exceed
/// trials. With no trials it is exactly s.
/// </summary>
/// <remarks>
/// The trials of one ask, per step k of its route (relationship k): a success when step k was forwarded (met and
/// agreement need every step forwarded, so they add nothing more), a failure when step k was declined or got no
/// answer, nothing for the steps the ask never reached. w = 10 means the stated strength counts as much as ten
/// recorded outcomes: one decline moves an MOU (0.9) to 9/11 ≈ 0.818, two forwards move a MET_AT (0.4) to 6/12 = 0.5.
/// </remarks>
public static class LearnedStrength
{
    public const double PriorWeight = 10;

    public static double Estimate(double stated, TrialCount trials)
    {
        if (!(stated > 0 && stated <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(stated), stated, "a stated strength is in (0, 1]");
        }
        return trials.Trials == 0 ? stated : (PriorWeight * stated + trials.Successes) / (PriorWeight + trials.Trials);
    }

    /// <summary>The trials of one ask, per relationship id, in the order they were recorded.</summary>
    public static IEnumerable<(string Relationship, TrialCount Trial)> TrialsOf(Introduction ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        foreach (var e in ask.Events)
        {
            if (e.Step is { } step)
            {
                var success = e.Kind == IntroductionEventKind.Forwarded;
                yield return (ask.Relationships[step - 1], success ? new TrialCount(1, 0) : new TrialCount(0, 1));
            }
        }
    }

    /// <summary>Every relationship's trials over all asks; relationships never tried are absent.</summary>
    public static IReadOnlyDictionary<string, TrialCount> Tally(IEnumerable<Introduction> asks)
    {
        ArgumentNullException.ThrowIfNull(asks);
        var tally = new Dictionary<string, TrialCount>(StringComparer.Ordinal);
        foreach (var ask in asks)
        {
            foreach (var (relationship, trial) in TrialsOf(ask))
            {
                tally[relationship] = tally.GetValueOrDefault(relationship).Add(trial);
            }
        }
        return tally;
    }
}
