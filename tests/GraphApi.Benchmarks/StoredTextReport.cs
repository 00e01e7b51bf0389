using System.Diagnostics;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// `stored-text [actors]`: what the start-up's scan of stored rows against today's text rule costs on a large graph
/// (StoredRecordCheck), beside putting every row through the full record rules. Prints wall and CPU milliseconds
/// (on a shared machine the CPU time is the steadier figure) for the actors alone and for the whole graph.
/// </summary>
internal static class StoredTextReport
{
    public static void Run(string[] args)
    {
        var actors = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, RelationshipsPerActor = 4 });
        var snapshot = GraphSnapshot.Build(network.Actors, network.Relationships, 1, RelationshipTypeCatalogue.Default);
        var actorsOnly = GraphSnapshot.Build(network.Actors, [], 1, RelationshipTypeCatalogue.Default);
        Console.WriteLine($"{snapshot.ActorCount} actors, {snapshot.RelationshipCount} relationships");
        for (var run = 0; run < 9; run++)
        {
            var actorScan = Time(() => StoredRecordCheck.Scan(actorsOnly).Count);
            var scan = Time(() => StoredRecordCheck.Scan(snapshot).Count);
            var full = Time(() => snapshot.Actors.Count(a => !ActorRules.Validate(a).IsEmpty)
                + snapshot.Relationships.Count(r => !RelationshipRules.Validate(r, snapshot.Catalogue).IsEmpty));
            Console.WriteLine($"run {run}: scan of the actors {actorScan}; of the whole graph {scan}; every row through the full rules {full}");
        }
    }

    private static string Time(Func<int> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var findings = work();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return $"{wall:F1} ms wall / {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU ({findings} found)";
    }
}
