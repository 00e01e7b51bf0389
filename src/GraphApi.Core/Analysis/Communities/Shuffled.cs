namespace GraphApi.Core.Analysis.Communities;

/// <summary>Seeded random visiting orders, so a run is the same for the same seed.</summary>
internal static class Shuffled
{
    /// <summary>0..n−1 in a Fisher–Yates random order.</summary>
    public static int[] Order(int n, ref SplitMix random)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Shuffle(order, ref random);
        return order;
    }

    public static void Shuffle(Span<int> items, ref SplitMix random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
