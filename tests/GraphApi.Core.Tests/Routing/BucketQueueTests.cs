using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The bucket queue as Dijkstra drives it, against a sorted list: each round pops the least key and pushes a few keys
/// at most the largest step above it (zero steps included, so keys land in the bucket being popped), over many turns
/// of the ring and for steps from 1 (one key per bucket) to beyond 2^40 (wide buckets, many keys each).
/// </summary>
public sealed class BucketQueueTests
{
    [Theory]
    [InlineData(1L, 1)]
    [InlineData(7L, 2)]
    [InlineData(1_609_437_912L, 3)]
    [InlineData(1L << 41, 4)]
    public void Pops_keys_in_ascending_order_as_Dijkstra_pushes_them(long maxStep, int seed)
    {
        var random = new Random(seed);
        var queue = new BucketQueue();
        for (var run = 0; run < 5; run++)
        {
            queue.Reset(maxStep);
            var expected = new List<(long Key, int Node)>();
            var node = 0;
            Push(0);
            var last = 0L;
            for (var pops = 0; queue.Count > 0; pops++)
            {
                Assert.Equal(expected.Count, queue.Count);
                var popped = queue.Pop(out var key);
                var least = expected.Min(e => e.Key);
                Assert.Equal(least, key);
                Assert.True(expected.Remove((key, popped)), $"popped ({key}, {popped}), which was not queued");
                Assert.True(key >= last);
                last = key;
                // Grow for a while, then let the queue drain.
                for (var children = pops < 3_000 ? random.Next(4) : 0; children > 0; children--)
                {
                    Push(key + (random.Next(4) == 0 ? 0 : random.NextInt64(maxStep + 1)));
                }
            }
            Assert.Empty(expected);

            void Push(long k)
            {
                queue.Push(k, node);
                expected.Add((k, node++));
            }
        }
    }

    /// <summary>
    /// With live keys, as Dijkstra keeps them (a node is pushed again only with a lower key): every node's live entry
    /// comes out once, in ascending key order, and a superseded entry comes out only if it was pushed straight into the
    /// bucket being popped; the queue reports empty once nothing live is left.
    /// </summary>
    [Theory]
    [InlineData(1L, 11)]
    [InlineData(1_609_437_912L, 12)]
    [InlineData(1L << 41, 13)]
    public void With_live_keys_superseded_entries_are_dropped_and_every_live_one_pops_in_order(long maxStep, int seed)
    {
        const int Nodes = 2_000;
        var random = new Random(seed);
        var queue = new BucketQueue();
        var live = new long[Nodes];
        Array.Fill(live, long.MaxValue);
        queue.Reset(maxStep, live);
        var settled = new bool[Nodes];
        var pushes = 0;
        var last = 0L;
        Improve(0, 0);
        var stalePops = 0;
        while (queue.TryPop(out var node, out var key))
        {
            Assert.True(key >= last);
            last = key;
            if (key != live[node])
            {
                stalePops++;
                continue;
            }
            Assert.False(settled[node], $"node {node} popped live twice");
            settled[node] = true;
            // Relax a few random nodes, lowering some keys that are already queued (the stale entries to drop).
            for (var tries = random.Next(6); tries > 0; tries--)
            {
                var next = random.Next(Nodes);
                var through = key + (random.Next(5) == 0 ? 0 : random.NextInt64(maxStep + 1));
                if (!settled[next] && through < live[next])
                {
                    Improve(next, through);
                }
            }
        }
        Assert.Equal(0, queue.Count);
        Assert.All(Enumerable.Range(0, Nodes), v => Assert.Equal(live[v] != long.MaxValue, settled[v]));
        var superseded = pushes - settled.Count(s => s);
        Assert.True(superseded > Nodes / 10, $"only {superseded} superseded entries: the test should make many");
        // Only those pushed straight into the bucket being popped (the zero steps) may come out.
        Assert.True(stalePops * 2 < superseded, $"{stalePops} of {superseded} superseded entries came out: they should mostly be dropped");

        void Improve(int node, long key)
        {
            live[node] = key;
            queue.Push(key, node);
            pushes++;
        }
    }
}
