using GraphApi.Core.Introductions;
using K = GraphApi.Core.Introductions.IntroductionEventKind;

namespace GraphApi.Core.Tests.Introductions;

/// <summary>
/// The state machine against a plain reference: every event (every kind, every step from none to one past the route)
/// is tried after every accepted sequence of events, on routes of 1 to 4 hops. A refused event leaves the state as it
/// was, so this covers every sequence of events, refused ones included.
/// </summary>
public sealed class LedgerStateMachineTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    /// <summary>The reference: the accepted sequences are F1…Fk, then D(k+1) or N(k+1) when k &lt; n, or, when k = n, M then A.</summary>
    private static bool IsValidSequence(List<(K Kind, int? Step)> events, int hops)
    {
        var i = 0;
        while (i < events.Count && events[i] == (K.Forwarded, i + 1) && i < hops)
        {
            i++;
        }
        var rest = events.Skip(i).ToList();
        if (i < hops)
        {
            return rest.Count == 0 || (rest.Count == 1 && (rest[0] == (K.Declined, i + 1) || rest[0] == (K.NoAnswer, i + 1)));
        }
        return rest.Count == 0 || (rest.Count == 1 && rest[0] == (K.Met, null)) || (rest.Count == 2 && rest[0] == (K.Met, null) && rest[1] == (K.Agreement, null));
    }

    /// <summary>Bad input whatever the state: a step event without a step in 1..n, or an end event with a step.</summary>
    private static bool IsBadInput(K kind, int? step, int hops) =>
        IntroductionNames.IsStepEvent(kind) ? step is null || step < 1 || step > hops : step is not null;

    private static IntroductionStatus ReferenceStatus(List<(K Kind, int? Step)> events, int hops) =>
        events.Count == 0 ? IntroductionStatus.Open : events[^1].Kind switch
        {
            K.Forwarded => events.Count == hops ? IntroductionStatus.Reached : IntroductionStatus.Open,
            K.Declined => IntroductionStatus.Declined,
            K.NoAnswer => IntroductionStatus.NoAnswer,
            K.Met => IntroductionStatus.Met,
            _ => IntroductionStatus.Agreement,
        };

    private static Introduction Ask(int hops, IReadOnlyList<(K Kind, int? Step)> events) => new(
        "intro-test", "a0", $"a{hops}",
        [.. Enumerable.Range(0, hops + 1).Select(i => $"a{i}")],
        [.. Enumerable.Range(1, hops).Select(i => $"r{i}")],
        null, Day, "tester", DateTimeOffset.UnixEpoch,
        [.. events.Select((e, i) => new IntroductionEvent(i + 1, e.Kind, e.Step, Day, null, "tester", DateTimeOffset.UnixEpoch))]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_event_after_every_accepted_sequence_is_accepted_or_refused_as_the_reference_says(int hops)
    {
        var alphabet = IntroductionNames.EventKinds
            .SelectMany(kind => new int?[] { null }.Concat(Enumerable.Range(0, hops + 2).Select(s => (int?)s)).Select(step => (kind, step)))
            .ToList();
        var visited = 0;
        var pending = new Stack<List<(K, int?)>>();
        pending.Push([]);
        while (pending.Count > 0)
        {
            var sequence = pending.Pop();
            visited++;
            var ask = Ask(hops, sequence);
            Assert.Equal(ReferenceStatus(sequence, hops), ask.State.Status);
            foreach (var (kind, step) in alphabet)
            {
                var extended = sequence.Append((kind, step)).ToList();
                var refusal = IntroductionStateMachine.Check(ask, kind, step, Day);
                if (IsValidSequence(extended, hops))
                {
                    Assert.Null(refusal);
                    pending.Push(extended);
                }
                else
                {
                    Assert.NotNull(refusal);
                    Assert.Equal(!IsBadInput(kind, step, hops), refusal.IsConflict);
                }
            }
        }
        // Accepted sequences: F1..Fk for k = 0..n, a failure after each k < n (two kinds), then M and M A.
        Assert.Equal(hops + 1 + 2 * hops + 2, visited);
    }

    [Fact]
    public void Nothing_can_follow_an_agreement()
    {
        var ask = Ask(1, [(K.Forwarded, 1), (K.Met, null), (K.Agreement, null)]);

        Assert.All(IntroductionNames.EventKinds, kind =>
            Assert.True(IntroductionStateMachine.Check(ask, kind, IntroductionNames.IsStepEvent(kind) ? 1 : null, Day)!.IsConflict));
    }

    [Fact]
    public void An_event_dated_before_the_last_one_or_before_the_ask_is_out_of_order()
    {
        var fresh = Ask(2, []);
        var forwarded = Ask(2, [(K.Forwarded, 1)]);

        var beforeAsk = IntroductionStateMachine.Check(fresh, K.Forwarded, 1, Day.AddDays(-1));
        var beforeLast = IntroductionStateMachine.Check(forwarded, K.Forwarded, 2, Day.AddDays(-1));

        Assert.True(beforeAsk!.IsConflict);
        Assert.Equal("date", beforeAsk.Field);
        Assert.True(beforeLast!.IsConflict);
        Assert.Null(IntroductionStateMachine.Check(forwarded, K.Forwarded, 2, Day));
    }

    [Fact]
    public void A_failed_ask_remembers_where_it_stopped()
    {
        Assert.Equal(new IntroductionState(IntroductionStatus.NoAnswer, 1, 2), Ask(3, [(K.Forwarded, 1), (K.NoAnswer, 2)]).State);
        Assert.Equal(new IntroductionState(IntroductionStatus.Declined, 0, 1), Ask(3, [(K.Declined, 1)]).State);
    }
}
