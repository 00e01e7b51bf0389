using BenchmarkDotNet.Running;
using GraphApi.Benchmarks;

// `memory [actors]`, `check [actors]`, `csv DIR [runs]`, `stored-text [actors]` (the start-up check of stored text) and `analysis […]` (the network analyses, see Analysis/AnalysisReport.cs) are one-off reports, `peers-export` writes a network for the peer
// comparison (tests/perf/routes_vs_peers.sh); anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "memory":
        MemoryReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
        break;
    case "scale":
        ScaleReport.Run(args[1..]);
        break;
    case "route-pairs":
        RoutePairsReport.Run(args[1..]);
        break;
    case "workspace-routes":
        WorkspaceRouteReport.Run(args[1..]);
        break;
    case "filter-target":
        FilterTargetReport.Run(args[1..]);
        break;
    case "learned-routes":
        LearnedRoutesReport.Run(args[1..]);
        break;
    case "best-next-tie":
        BestNextTieReport.Run(args[1..]);
        break;
    case "check":
        BaselineCheck.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        break;
    case "analysis":
        GraphApi.Benchmarks.Analysis.AnalysisReport.Run(args[1..]);
        break;
    case "csv":
        CsvReadReport.Run(args[1..]);
        break;
    case "stored-text":
        StoredTextReport.Run(args[1..]);
        break;
    case "peers-export":
        await PeersExport.RunAsync(args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(RouteBenchmarks).Assembly).Run(args);
        break;
}
