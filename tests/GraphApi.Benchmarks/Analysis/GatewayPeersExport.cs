using System.Globalization;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Benchmarks.Analysis;

/// <summary>
/// Writes the graph the gateways benchmark runs on for tests/perf/gateway_peers.py: edges.tsv (one line per tied
/// actor pair: ids and the quantised cost in nano-nats of the strongest tie, the costs the gateway search uses),
/// sources.txt (the EU actors) and targets.txt (the KR actors), one id per line.
/// </summary>
internal static class GatewayPeersExport
{
    public static void Write(GraphSnapshot snapshot, ActorFilter from, ActorFilter to, string directory)
    {
        Directory.CreateDirectory(directory);
        var graph = SimpleGraph.From(snapshot);
        using (var edges = new StreamWriter(Path.Combine(directory, "edges.tsv")))
        {
            for (var v = 0; v < graph.NodeCount; v++)
            {
                var neighbours = graph.Neighbours(v);
                var costs = graph.QuantisedCosts(v);
                for (var a = 0; a < neighbours.Length; a++)
                {
                    if (neighbours[a] > v)
                    {
                        edges.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{snapshot.ActorAt(v).Id}\t{snapshot.ActorAt(neighbours[a]).Id}\t{costs[a]}"));
                    }
                }
            }
        }
        var actors = Enumerable.Range(0, snapshot.ActorCount).Select(snapshot.ActorAt).ToList();
        File.WriteAllLines(Path.Combine(directory, "sources.txt"), actors.Where(from.Matches).Select(a => a.Id));
        File.WriteAllLines(Path.Combine(directory, "targets.txt"), actors.Where(to.Matches).Select(a => a.Id));
        Console.WriteLine($"wrote {graph.NodeCount} actors, {graph.EdgeCount} tied pairs to {directory}");
    }
}
