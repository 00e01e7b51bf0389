using GraphApi.Core.Layout;

namespace GraphApi.Core.Tests.Layout;

public sealed class ForceLayoutTests
{
    [Fact]
    public void The_same_graph_gives_the_same_positions()
    {
        var (sources, targets) = TwoCliques(40);

        var first = ForceLayout.Run(80, sources, targets, 200, CancellationToken.None);
        var second = ForceLayout.Run(80, sources, targets, 200, CancellationToken.None);

        Assert.Equal(first.X, second.X);
        Assert.Equal(first.Y, second.Y);
    }

    [Fact]
    public void Two_communities_joined_by_one_tie_are_drawn_apart_and_every_position_is_finite()
    {
        const int size = 40;
        var (sources, targets) = TwoCliques(size);

        var (x, y) = ForceLayout.Run(2 * size, sources, targets, 300, CancellationToken.None);

        Assert.All(x.Concat(y), value => Assert.True(float.IsFinite(value)));
        var within = MeanDistance(x, y, Enumerable.Range(0, size), Enumerable.Range(0, size));
        var between = MeanDistance(x, y, Enumerable.Range(0, size), Enumerable.Range(size, size));
        Assert.True(between > 2 * within, $"between communities {between:F1}, within {within:F1}");
    }

    [Fact]
    public void Points_without_ties_are_spread_out_not_stacked()
    {
        var (x, y) = ForceLayout.Run(30, [], [], 200, CancellationToken.None);

        var closest = Enumerable.Range(0, 30).SelectMany(i => Enumerable.Range(i + 1, 29 - i).Select(j => Distance(x, y, i, j))).Min();
        Assert.True(closest > 0.5, $"closest pair {closest:F3} apart");
    }

    [Fact]
    public void A_cancelled_layout_stops()
    {
        var (sources, targets) = TwoCliques(10);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ForceLayout.Run(20, sources, targets, 100, cancelled.Token));
    }

    /// <summary>Two cliques of <paramref name="size"/> points (0..size−1 and size..2·size−1) and one tie between them.</summary>
    private static (int[] Sources, int[] Targets) TwoCliques(int size)
    {
        var pairs = new List<(int, int)>();
        foreach (var offset in new[] { 0, size })
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = i + 1; j < size; j++)
                {
                    pairs.Add((offset + i, offset + j));
                }
            }
        }
        pairs.Add((0, size));
        return ([.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)]);
    }

    private static double MeanDistance(float[] x, float[] y, IEnumerable<int> from, IEnumerable<int> to) =>
        from.SelectMany(i => to.Where(j => j != i).Select(j => Distance(x, y, i, j))).Average();

    private static double Distance(float[] x, float[] y, int i, int j) => Math.Sqrt(Math.Pow(x[i] - x[j], 2) + Math.Pow(y[i] - y[j], 2));
}
