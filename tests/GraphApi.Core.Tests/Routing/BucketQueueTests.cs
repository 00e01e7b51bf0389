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
}
