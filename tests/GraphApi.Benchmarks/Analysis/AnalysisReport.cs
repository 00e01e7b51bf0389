using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Layout;
using PeersNetwork = GraphApi.TestSupport.SyntheticNetwork;
using PeersNetworkOptions = GraphApi.TestSupport.SyntheticNetworkOptions;

namespace GraphApi.Benchmarks.Analysis;

/// <summary>`analysis [quick|communities DIR|kernel|NAME…]`: the network analyses timed on synthetic graphs (see the comments below).</summary>
public static class AnalysisReport
{
    public static void Run(string[] args)
    {
        // A plain stopwatch benchmark of the network analyses on synthetic graphs: a few timed runs (after a warm-up run for
        // the fast cases; the slow ones are long enough to warm up inside the first run), reporting the fastest and the
        // median wall time and the median run's CPU time. Run with: dotnet run -c Release --project tests/GraphApi.Benchmarks -- analysis
        // Pass "quick" to run only the 10k-actor cases, "communities DIR" for the community benchmark alone, and any other word to run only the cases whose name contains it.
        // "export-gateways DIR" also writes the 10k / 40k graph and its EU and KR actors for tests/perf/gateway_peers.py.
        var exportTo = args.SkipWhile(a => a != "export-gateways").Skip(1).FirstOrDefault();
        args = exportTo is null ? args : [.. args.Where(a => a != "export-gateways" && a != exportTo)];
        // "write-betweenness DIR" also writes our exact betweenness on the peers graph to DIR/graphapi-betweenness.tsv
        // (and graphapi-weighted-betweenness.tsv), which tests/perf/peers.py compares with each library's, node by node.
        var betweennessTo = args.SkipWhile(a => a != "write-betweenness").Skip(1).FirstOrDefault();
        args = betweennessTo is null ? args : [.. args.Where(a => a != "write-betweenness" && a != betweennessTo)];
        var quick = args.Contains("quick", StringComparer.OrdinalIgnoreCase);
        var only = args.Where(a => !a.Equals("quick", StringComparison.OrdinalIgnoreCase)).ToList();
        Console.WriteLine($"cores: {Environment.ProcessorCount}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        // "communities DIR": only the community benchmark, writing its graphs to DIR for tests/perf/communities_vs_igraph.py.
        if (args.FirstOrDefault() == "communities")
        {
            CommunityBenchmark.Run(args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "communities"), Timed);
            return;
        }

        // "kernel-run N": only the unweighted kernel over N sources of the peers graph, untimed, for instruction counts:
        //   DOTNET_TieredCompilation=0 valgrind --tool=callgrind dotnet GraphApi.Benchmarks.dll analysis kernel-run 800
        // minus the same with 0 sources, divided by 800 (valgrind has no AVX-512, so this counts the four-lane kernel).
        if (args.FirstOrDefault() == "kernel-run")
        {
            var sources = int.Parse(args.ElementAtOrDefault(1) ?? "800", CultureInfo.InvariantCulture);
            KernelTiming.RunOnce(PeersNetwork.Generate(new PeersNetworkOptions { Actors = 10_000, RelationshipsPerActor = 4, Seed = 2025 }).ToSnapshot(), sources);
            return;
        }
        var medium = Timed("build snapshot 10k actors / 50k relationships", 1, () => GraphApi.TestSupport.SyntheticNetwork.MixedAttachment(10_000, 50_000, seed: 1));
        Report(medium, "brokerage region undirected", 3, () => Brokerage.Compute(medium, ActorField.Region, false, CancellationToken.None));
        Report(medium, "brokerage region directed", 3, () => Brokerage.Compute(medium, ActorField.Region, true, CancellationToken.None));
        Report(medium, "exact betweenness", 2, () => Centrality.Compute(medium, new CentralityOptions(CentralityMeasures.Betweenness), CancellationToken.None));
        Report(medium, "exact betweenness weighted", 2, () => Centrality.Compute(medium, new CentralityOptions(CentralityMeasures.Betweenness, Weighted: true), CancellationToken.None));
        Report(medium, "all measures (exact)", 2, () => Centrality.Compute(medium, new CentralityOptions(CentralityMeasures.All), CancellationToken.None));
        var (europe, korea) = (new ActorFilter(Region: "EU"), new ActorFilter(Region: "KR"));
        Report(medium, "gateways region:EU -> region:KR", 3, () => Gateways.Compute(medium, europe, korea, CancellationToken.None));
        // Issue 12's target is stated on 10k actors / 40k ties.
        var target = Timed("build snapshot 10k actors / 40k relationships", 1, () => GraphApi.TestSupport.SyntheticNetwork.MixedAttachment(10_000, 40_000, seed: 1));
        if (exportTo is not null)
        {
            GatewayPeersExport.Write(target, europe, korea, exportTo);
        }
        Report(target, "gateways region:EU -> region:KR", 5, () => Gateways.Compute(target, europe, korea, CancellationToken.None));
        Report(target, "gateways region:EU -> region:KR sample=500", 5, () => Gateways.Compute(target, europe, korea, new GatewayOptions(500), CancellationToken.None));
        Report(medium, "overview layout (ForceAtlas2, all actors)", 2, () => OverviewGraph.Build(medium, _ => true, 25_000, CancellationToken.None));

        // The graph `GraphApi.Benchmarks peers-export 10000 4 DIR` writes for tests/perf/peers.py (same generator, same default
        // seed), so these figures sit beside igraph's and graph-tool's on exactly that graph.
        var peers = Timed("build snapshot peers-export 10000 4 (seed 2025)", 1,
            () => PeersNetwork.Generate(new PeersNetworkOptions { Actors = 10_000, RelationshipsPerActor = 4, Seed = 2025 }).ToSnapshot());
        if (only.Contains("kernel", StringComparer.OrdinalIgnoreCase))
        {
            KernelTiming.Report(peers, weighted: false, sources: 800, rounds: 9);
            KernelTiming.Report(peers, weighted: true, sources: 100, rounds: 5);
            return;
        }
        var exact = Report(peers, "peers exact betweenness", 3, () => Centrality.Compute(peers, new CentralityOptions(CentralityMeasures.Betweenness), CancellationToken.None));
        TopActor(exact);
        var exactWeighted = Report(peers, "peers exact betweenness weighted", 3, () => Centrality.Compute(peers, new CentralityOptions(CentralityMeasures.Betweenness, Weighted: true), CancellationToken.None));
        TopActor(exactWeighted);
        if (betweennessTo is not null)
        {
            WriteBetweenness(exact, Path.Combine(betweennessTo, "graphapi-betweenness.tsv"));
            WriteBetweenness(exactWeighted, Path.Combine(betweennessTo, "graphapi-weighted-betweenness.tsv"));
        }

        // The timeline (issue 15) on the same 10k / 40k graph: steps × one as-of analysis, against the single-date analysis.
        // "export-timeline DIR" also writes the dated graph for tests/perf/timeline_peers.py.
        if (args.SkipWhile(a => a != "export-timeline").Skip(1).FirstOrDefault() is { } timelineDir)
        {
            TimelinePeersExport.Write(peers, timelineDir);
        }
        string[] followed = [.. Enumerable.Range(0, 5).Select(v => peers.ActorAt(v).Id)];
        Report(peers, "timeline as-of graph of one date", 5, () => peers.InForceOn(new DateOnly(2015, 12, 31)));
        Report(peers, "timeline single-date brokerage asOf=2024-12-31", 3, () => Brokerage.Compute(peers.InForceOn(new DateOnly(2024, 12, 31)), ActorField.Region, false, CancellationToken.None));
        Report(peers, "timeline brokerage 2010-2024 (15 steps)", 3, () => Timeline.Compute(peers,
            new TimelineQuery(followed, TimelineMeasure.Brokerage, new DateOnly(2010, 1, 1), new DateOnly(2024, 12, 31)), CancellationToken.None));
        Report(peers, "timeline degree 2010-2024 (15 steps)", 3, () => Timeline.Compute(peers,
            new TimelineQuery(followed, TimelineMeasure.Degree, new DateOnly(2010, 1, 1), new DateOnly(2024, 12, 31)), CancellationToken.None));
        Report(peers, "timeline single-date exact betweenness asOf=2024-12-31", 2, () => Centrality.Compute(peers.InForceOn(new DateOnly(2024, 12, 31)), new CentralityOptions(CentralityMeasures.Betweenness), CancellationToken.None));
        var exactTimeline = Report(peers, "timeline exact betweenness 2010-2024 (15 steps)", 2, () => Timeline.Compute(peers,
            new TimelineQuery(followed, TimelineMeasure.Betweenness, new DateOnly(2010, 1, 1), new DateOnly(2024, 12, 31)), CancellationToken.None));
        if (exactTimeline is not null)
        {
            // To check against timeline_peers.py's "actor 0" column, step by step.
            Console.WriteLine("  actor 0: " + string.Join(", ", exactTimeline.Series[0].Points.Select(p => p.Value.ToString("0.0", CultureInfo.InvariantCulture))));
        }
        Report(peers, "timeline betweenness sample=100 2010-2024 (15 steps)", 2, () => Timeline.Compute(peers,
            new TimelineQuery(followed, TimelineMeasure.Betweenness, new DateOnly(2010, 1, 1), new DateOnly(2024, 12, 31), Sample: 100), CancellationToken.None));

        if (!quick || only.Any(o => o.Contains("epsilon", StringComparison.OrdinalIgnoreCase)))
        {
            // The graph `peers-export 100000 4 DIR` writes: 100k actors, 400k ties.
            var peersLarge = Timed("build snapshot peers-export 100000 4 (seed 2025)", 1,
                () => PeersNetwork.Generate(new PeersNetworkOptions { Actors = 100_000, RelationshipsPerActor = 4, Seed = 2025 }).ToSnapshot());
            var estimate = Report(peersLarge, "peers epsilon=0.01 delta=0.1 betweenness", 3,
                () => Centrality.Compute(peersLarge, new CentralityOptions(CentralityMeasures.Betweenness, Epsilon: 0.01, Delta: 0.1), CancellationToken.None));
            if (estimate is not null)
            {
                Console.WriteLine($"  {estimate.Guarantee}");
                TopActor(estimate);
            }
        }

        if (!quick)
        {
            var large = Timed("build snapshot 100k actors / 500k relationships", 1, () => GraphApi.TestSupport.SyntheticNetwork.MixedAttachment(100_000, 500_000, seed: 2));
            Report(large, "brokerage region undirected", 2, () => Brokerage.Compute(large, ActorField.Region, false, CancellationToken.None));
            Report(large, "sampled betweenness k=500", 2, () => Centrality.Compute(large, new CentralityOptions(CentralityMeasures.Betweenness, Sample: 500), CancellationToken.None));
            Report(large, "sampled betweenness k=500 weighted", 2, () => Centrality.Compute(large, new CentralityOptions(CentralityMeasures.Betweenness, true, 500), CancellationToken.None));
        }

        // The 1-minute load average, to judge how contended the cores were during a run.
        static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

        // The actor with the highest betweenness and its raw value, to check against the peers' (tests/perf/peers.py prints theirs).
        static void TopActor(CentralityResult? result)
        {
            if (result?.Betweenness is { } values)
            {
                var top = Enumerable.Range(0, values.Count).MaxBy(v => values[v]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  top actor: {result.Snapshot.ActorAt(top).Id} = {values[top]:0.0}"));
            }
        }

        // Every actor's raw betweenness, round-trip precision, for peers.py's node-by-node comparison.
        static void WriteBetweenness(CentralityResult? result, string path)
        {
            if (result?.Betweenness is { } values)
            {
                File.WriteAllLines(path, Enumerable.Range(0, values.Count).Select(v =>
                    string.Create(CultureInfo.InvariantCulture, $"{result.Snapshot.ActorAt(v).Id}\t{values[v]:R}")));
                Console.WriteLine($"  wrote {path}");
            }
        }

        T? Report<T>(GraphSnapshot graph, string name, int runs, Func<T> work)
        {
            return only.Count == 0 || only.Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase))
                ? Timed($"{name} ({graph.ActorCount / 1000}k/{graph.RelationshipCount / 1000}k)", runs, work)
                : default;
        }

        static T Timed<T>(string name, int runs, Func<T> work)
        {
            var result = runs > 2 ? work() : default!;
            var times = new List<(double Wall, double Cpu)>();
            using var process = Process.GetCurrentProcess();
            for (var run = 0; run < runs; run++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = work();
                process.Refresh();
                times.Add((watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
            }
            // CPU time is reported too because the machine is shared: wall time depends on everyone else's load.
            times.Sort();
            var (wall, cpuTime) = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-56} wall min {times[0].Wall,7:0.000} s  median {wall,7:0.000} s  cpu {cpuTime,7:0.000} s  load {LoadAverage()}"));
            return result;
        }
    }
}
