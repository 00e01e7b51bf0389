namespace GraphApi.Core.Analysis.Communities;

/// <summary>Small helpers on partitions stored as a community number per node.</summary>
internal static class Partitions
{
    public static int[] Singletons(int n)
    {
        var labels = new int[n];
        for (var v = 0; v < n; v++)
        {
            labels[v] = v;
        }
        return labels;
    }

    /// <summary>
    /// Renumbers <paramref name="labels"/> (each below its length) in place to 0..k−1 in order of first appearance, so
    /// equal partitions get equal arrays; returns k.
    /// </summary>
    public static int Compact(int[] labels)
    {
        var renumbered = new int[labels.Length];
        Array.Fill(renumbered, -1);
        var next = 0;
        for (var v = 0; v < labels.Length; v++)
        {
            ref var label = ref renumbered[labels[v]];
            if (label < 0)
            {
                label = next++;
            }
            labels[v] = label;
        }
        return next;
    }
}
