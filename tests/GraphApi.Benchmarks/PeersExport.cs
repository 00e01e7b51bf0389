using System.Globalization;
using System.Text;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// <c>peers-export ACTORS TIES_PER_ACTOR OUT_DIR [PAIRS=50] [SEED=2025]</c>: one synthetic network written for the
/// peer comparison (tests/perf/routes_vs_peers.sh): actors.csv and relationships.csv in the seed format for the
/// CLI import, edges.tsv (one line per tied actor pair, the strongest tie's cost in nano-nats, GraphApi's routing
/// rule without decay) for NetworkX / igraph / graph-tool, and pairs.tsv, seeded far-apart questions.
/// </summary>
internal static class PeersExport
{
    private const int MinHops = 4;
    private const int MaxHops = 8;

    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count < 3)
        {
            throw new ArgumentException("usage: peers-export ACTORS TIES_PER_ACTOR OUT_DIR [PAIRS=50] [SEED=2025]");
        }
        var actors = ParseInt(args[0]);
        var ties = ParseInt(args[1]);
        var outDir = args[2];
        var pairs = args.Count > 3 ? ParseInt(args[3]) : 50;
        var seed = args.Count > 4 ? ParseInt(args[4]) : 2025;
        Directory.CreateDirectory(outDir);

        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, RelationshipsPerActor = ties, Seed = seed });
        await WriteSeedCsvAsync(network, outDir).ConfigureAwait(false);

        var ids = network.Actors.Select(a => a.Id).Order(StringComparer.Ordinal).ToArray();
        var indexOf = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            indexOf.Add(ids[i], i);
        }
        var edges = StrongestTies(network.Relationships, indexOf);
        WriteEdges(Path.Combine(outDir, "edges.tsv"), edges, ids);

        var chosen = FarPairs(ids.Length, edges, pairs, new Random(seed + 1));
        WritePairs(Path.Combine(outDir, "pairs.tsv"), chosen, ids);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peers-export: {network.Actors.Count} actors, {network.Relationships.Count} relationships, {edges.Count} tied pairs, {chosen.Count} pairs ({MinHops}-{MaxHops} hops) -> {outDir}"));
    }

    /// <summary>The cost of a hop as the router quantises it: −ln(strength) in whole nano-nats.</summary>
    public static long Cost(double strength) => GraphApi.Core.Routing.HopCosts.QuantisedCostOf(strength);

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>The CLI reads exactly what the export writes, so the service's own writer makes the two files.</summary>
    private static async Task WriteSeedCsvAsync(SyntheticNetwork network, string outDir)
    {
        var graph = ExportGraph.Whole(GraphSnapshot.Build(network.Actors, network.Relationships, 1, RelationshipTypeCatalogue.Default));
        var actorsFile = File.Create(Path.Combine(outDir, GraphCsvWriter.ActorsFile));
        await using (actorsFile.ConfigureAwait(false))
        {
            await GraphCsvWriter.WriteActorsAsync(graph, actorsFile, CancellationToken.None).ConfigureAwait(false);
        }
        var relationshipsFile = File.Create(Path.Combine(outDir, GraphCsvWriter.RelationshipsFile));
        await using (relationshipsFile.ConfigureAwait(false))
        {
            await GraphCsvWriter.WriteRelationshipsAsync(graph, relationshipsFile, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Unordered pair (smaller index first) → the least cost of any tie between them.</summary>
    private static SortedDictionary<(int U, int V), long> StrongestTies(IReadOnlyList<Relationship> relationships, Dictionary<string, int> indexOf)
    {
        var edges = new SortedDictionary<(int U, int V), long>();
        foreach (var r in relationships)
        {
            if (r.Inferred)
            {
                throw new InvalidOperationException($"{r.Id} is inferred; the exported costs assume stated ties only");
            }
            var a = indexOf[r.Source];
            var b = indexOf[r.Target];
            if (a == b)
            {
                continue;
            }
            var key = a < b ? (a, b) : (b, a);
            var cost = Cost(r.Strength ?? RelationshipTypeCatalogue.Default[r.Type].Strength);
            if (!edges.TryGetValue(key, out var known) || cost < known)
            {
                edges[key] = cost;
            }
        }
        return edges;
    }

    private static void WriteEdges(string path, SortedDictionary<(int U, int V), long> edges, string[] ids)
    {
        using var writer = CreateWriter(path);
        foreach (var ((u, v), cost) in edges)
        {
            writer.Write(ids[u]);
            writer.Write('\t');
            writer.Write(ids[v]);
            writer.Write('\t');
            writer.WriteLine(cost.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WritePairs(string path, List<(int Source, int Target)> pairs, string[] ids)
    {
        using var writer = CreateWriter(path);
        foreach (var (source, target) in pairs)
        {
            writer.Write(ids[source]);
            writer.Write('\t');
            writer.WriteLine(ids[target]);
        }
    }

    private static StreamWriter CreateWriter(string path) => new(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };

    /// <summary>Random distinct pairs whose unweighted hop distance is within [MinHops, MaxHops] (so connected).</summary>
    private static List<(int Source, int Target)> FarPairs(int n, SortedDictionary<(int U, int V), long> edges, int count, Random random)
    {
        var neighbours = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            neighbours[i] = [];
        }
        foreach (var (u, v) in edges.Keys)
        {
            neighbours[u].Add(v);
            neighbours[v].Add(u);
        }
        var distance = new int[n];
        var queue = new int[n];
        var chosen = new List<(int Source, int Target)>(count);
        var attempts = 0;
        var maxAttempts = Math.Max(1000, count * 1000);
        while (chosen.Count < count)
        {
            if (++attempts > maxAttempts)
            {
                throw new InvalidOperationException($"only {chosen.Count} of {count} pairs {MinHops}-{MaxHops} hops apart in {maxAttempts} draws");
            }
            var source = random.Next(n);
            var target = random.Next(n);
            if (source == target)
            {
                continue;
            }
            var hops = HopDistance(neighbours, source, target, distance, queue);
            if (hops is >= MinHops and <= MaxHops)
            {
                chosen.Add((source, target));
            }
        }
        return chosen;
    }

    /// <summary>Breadth-first hops from source to target, stopping past MaxHops; −1 when farther or unreachable.</summary>
    private static int HopDistance(List<int>[] neighbours, int source, int target, int[] distance, int[] queue)
    {
        Array.Fill(distance, -1);
        distance[source] = 0;
        queue[0] = source;
        int head = 0, tail = 1;
        while (head < tail)
        {
            var node = queue[head++];
            if (distance[node] >= MaxHops)
            {
                break;
            }
            foreach (var next in neighbours[node])
            {
                if (distance[next] >= 0)
                {
                    continue;
                }
                distance[next] = distance[node] + 1;
                if (next == target)
                {
                    return distance[next];
                }
                queue[tail++] = next;
            }
        }
        return -1;
    }
}
