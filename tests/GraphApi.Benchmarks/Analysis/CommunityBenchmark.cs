using System.Globalization;
using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Graph;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks.Analysis;

/// <summary>
/// Communities (Leiden, γ = 1, seed 42) timed on the synthetic 10k / 40k and 100k / 400k networks and on seeded
/// planted-partition graphs. Each graph is written to the work directory as NAME.edges (one "u v" line per tied pair,
/// node numbers in actor id order) with our membership as NAME.ours (one community per line) and our modularity, so
/// tests/perf/communities_vs_igraph.py can run igraph's Leiden on exactly that graph and score both partitions itself.
/// </summary>
internal static class CommunityBenchmark
{
    public static void Run(string directory, Func<string, int, Func<CommunityResult>, CommunityResult> timed)
    {
        Directory.CreateDirectory(directory);
        var options = new CommunityOptions(1.0, 42);
        var graphs = new List<(string Name, Func<GraphSnapshot> Build)>
        {
            ("synthetic-10k-40k", () => SyntheticNetwork.MixedAttachment(10_000, 40_000, seed: 1)),
            ("synthetic-100k-400k", () => SyntheticNetwork.MixedAttachment(100_000, 400_000, seed: 2)),
            ("planted-10k-100groups-mix0.3", () => SyntheticNetwork.PlantedPartition(10_000, 100, 40_000, 0.3, seed: 3)),
            ("planted-10k-100groups-mix0.5", () => SyntheticNetwork.PlantedPartition(10_000, 100, 40_000, 0.5, seed: 4)),
            ("planted-100k-1000groups-mix0.3", () => SyntheticNetwork.PlantedPartition(100_000, 1_000, 400_000, 0.3, seed: 5)),
        };
        foreach (var (name, build) in graphs)
        {
            var snapshot = build();
            var result = timed($"communities {name}", 3, () => CommunityDetection.Compute(snapshot, options, CancellationToken.None));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {result.Communities.Count} communities, modularity {result.Modularity:0.00000}, {result.Bridges.Count} bridges"));
            Write(directory, name, snapshot, result);
        }
    }

    private static void Write(string directory, string name, GraphSnapshot snapshot, CommunityResult result)
    {
        var graph = SimpleGraph.From(snapshot.Compacted());
        using (var edges = new StreamWriter(Path.Combine(directory, name + ".edges")))
        {
            edges.WriteLine(graph.NodeCount.ToString(CultureInfo.InvariantCulture));
            for (var v = 0; v < graph.NodeCount; v++)
            {
                foreach (var w in graph.Neighbours(v))
                {
                    if (w > v)
                    {
                        edges.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v} {w}"));
                    }
                }
            }
        }
        File.WriteAllLines(Path.Combine(directory, name + ".ours"), result.Community.Select(c => c.ToString(CultureInfo.InvariantCulture)));
    }
}
