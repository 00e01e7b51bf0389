using System.Diagnostics;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// One-off measurement (not a BenchmarkDotNet run): the memory a snapshot of about a million relationships
/// keeps alive, split into the domain records it shares with the store's load and its own index structures.
/// </summary>
internal static class MemoryReport
{
    public static void Run(int actors)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, Seed = 2025 });
        var records = GC.GetTotalMemory(forceFullCollection: true);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var snapshot = network.ToSnapshot();
        var buildTime = clock.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var withSnapshot = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine($"actors {snapshot.ActorCount:N0}, relationships {snapshot.RelationshipCount:N0}");
        Console.WriteLine($"actor + relationship records: {Mb(records - before)}");
        Console.WriteLine($"snapshot structures (CSR arrays, routing fields, id indexes, search text): {Mb(withSnapshot - records)} retained, {Mb(allocated)} allocated while building, built in {buildTime.TotalMilliseconds:N0} ms");
        Console.WriteLine($"total live: {Mb(withSnapshot - before)}");
        GC.KeepAlive(network);
        GC.KeepAlive(snapshot);
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MiB";
}
