using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.TestSupport;

namespace GraphApi.Core.Tests.Analysis;

public sealed class TimelineTests
{
    [Fact]
    public void A_year_steps_to_its_last_day_and_a_month_to_its_own()
    {
        Assert.Equal(
            [new DateOnly(2013, 12, 31), new DateOnly(2014, 12, 31), new DateOnly(2015, 12, 31)],
            Timeline.StepDates(new DateOnly(2013, 1, 1), new DateOnly(2015, 12, 31), TimelineStep.Year));
        Assert.Equal(
            [new DateOnly(2015, 11, 30), new DateOnly(2015, 12, 31), new DateOnly(2016, 1, 31), new DateOnly(2016, 2, 29)],
            Timeline.StepDates(new DateOnly(2015, 11, 1), new DateOnly(2016, 2, 29), TimelineStep.Month));
    }

    [Fact]
    public void StepCount_counts_the_step_dates_without_listing_them()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var from = new DateOnly(2000, 1, 1).AddDays(random.Next(7000));
            var to = from.AddDays(random.Next(-40, 3000));
            foreach (var step in new[] { TimelineStep.Year, TimelineStep.Month })
            {
                Assert.Equal(Timeline.StepDates(from, to, step).Count, Timeline.StepCount(from, to, step));
            }
        }
    }

    [Fact]
    public void A_tie_dated_by_year_counts_from_that_years_point_through_the_year_it_ends()
    {
        var actors = new[] { TestGraphs.Actor("a"), TestGraphs.Actor("b"), TestGraphs.Actor("c", "KR") };
        var snapshot = TestGraphs.Build(actors,
        [
            TestGraphs.Tie("a", "b") with { Since = new PartialDate(2015), Until = new PartialDate(2016) },
            TestGraphs.Tie("b", "c"),
        ]);
        var query = new TimelineQuery(["b"], TimelineMeasure.Brokerage, new DateOnly(2014, 1, 1), new DateOnly(2017, 12, 31));
        var points = Timeline.Compute(snapshot, query, CancellationToken.None).Series.Single().Points;
        // b brokers a → b → c and c → b → a from 2015 through 2016: EU → EU → KR is representative, KR → EU → EU gatekeeper.
        Assert.Equal([0, 2, 2, 0], points.Select(p => p.Value));
        Assert.Equal(new BrokerageRoles(0, 0, 1, 1, 0), points[1].Roles);
    }

    public static IEnumerable<object[]> Cases =>
        from seed in Enumerable.Range(1, 6)
        from measure in new[] { TimelineMeasure.Brokerage, TimelineMeasure.Betweenness, TimelineMeasure.Degree }
        select new object[] { seed, measure };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_point_equals_the_measure_on_the_graph_filtered_by_hand_at_its_date(int seed, TimelineMeasure measure)
    {
        var graph = DatedNetwork.Random(25, 70, seed);
        var actors = graph.Actors.Where((_, i) => i % 5 == seed % 5).Select(a => a.Id).ToList();
        var query = new TimelineQuery(actors, measure, new DateOnly(2009, 1, 1), new DateOnly(2018, 6, 30), TimelineStep.Year,
            ActorField.Country, Directed: seed % 2 == 0);
        var result = Timeline.Compute(graph.Snapshot, query, CancellationToken.None);
        Assert.Equal(actors, result.Series.Select(s => s.Actor));
        Assert.Equal(Timeline.StepDates(query.From, query.To, query.Step), result.Dates);
        foreach (var (date, s) in result.Dates.Select((d, s) => (d, s)))
        {
            var reference = graph.FilteredByHand(date);
            var brokerage = Brokerage.Compute(reference, query.Partition, query.Directed, CancellationToken.None);
            var centrality = Centrality.Compute(reference, new CentralityOptions(CentralityMeasures.Degree | CentralityMeasures.Betweenness), CancellationToken.None);
            foreach (var series in result.Series)
            {
                var v = reference.IndexOf(series.Actor);
                var point = series.Points[s];
                Assert.Equal(date, point.Date);
                var expected = measure switch
                {
                    TimelineMeasure.Brokerage => brokerage.Roles[v].Total,
                    TimelineMeasure.Betweenness => centrality.Betweenness![v],
                    _ => centrality.Degree[v],
                };
                Assert.Equal(expected, point.Value);
                Assert.Equal(measure == TimelineMeasure.Brokerage ? brokerage.Roles[v] : null, point.Roles);
            }
        }
    }

    [Fact]
    public void Unknown_actors_get_no_series()
    {
        var snapshot = TestGraphs.Build([TestGraphs.Actor("a")], []);
        var query = new TimelineQuery(["nobody", "a"], TimelineMeasure.Degree, new DateOnly(2015, 1, 1), new DateOnly(2015, 12, 31));
        Assert.Equal(["a"], Timeline.Compute(snapshot, query, CancellationToken.None).Series.Select(s => s.Actor));
    }
}
