using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Routing;

namespace GraphApi.Benchmarks;

/// <summary>
/// `filter-target [ACTORS=100000] [ROUNDS=2000]`: the product's question, k=1 and k=3 to any KR MiniCluster
/// (maxHops 6, 10-year half-life) over <see cref="RouteBenchmarks"/>' eight EU sources, timed per question and
/// reported as the median and p90 over every round: a quicker and steadier check than BenchmarkDotNet's short job
/// on a shared machine, for "filter-target queries no slower than before".
/// </summary>
internal static class FilterTargetReport
{
    public static void Run(string[] args)
    {
        var actors = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var network = new BenchmarkNetwork(actors);
        foreach (var k in new[] { 1, 3 })
        {
            var times = new List<double>(rounds * BenchmarkNetwork.Pairs);
            for (var round = -rounds / 4; round < rounds; round++)
            {
                for (var pair = 0; pair < BenchmarkNetwork.Pairs; pair++)
                {
                    var query = network.ToKoreanMiniCluster(pair, k);
                    var clock = Stopwatch.GetTimestamp();
                    IntroductionRouter.Find(network.Snapshot, query);
                    if (round >= 0)
                    {
                        times.Add(Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
                    }
                }
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"k={k} to any KR MiniCluster ({actors} actors): median {times[times.Count / 2]:F4} ms, p90 {times[times.Count * 9 / 10]:F4} ms over {times.Count} questions"));
        }
    }
}
