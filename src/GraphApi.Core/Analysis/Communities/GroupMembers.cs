namespace GraphApi.Core.Analysis.Communities;

/// <summary>The nodes of each group in one array (a counting sort by group), members of a group in increasing order.</summary>
internal readonly struct GroupMembers
{
    private readonly int[] _offsets;
    private readonly int[] _nodes;

    private GroupMembers(int[] offsets, int[] nodes)
    {
        _offsets = offsets;
        _nodes = nodes;
    }

    public static GroupMembers Of(int[] group, int groups)
    {
        var offsets = new int[groups + 1];
        foreach (var g in group)
        {
            offsets[g + 1]++;
        }
        for (var g = 0; g < groups; g++)
        {
            offsets[g + 1] += offsets[g];
        }
        var next = offsets[..^1];
        var nodes = new int[group.Length];
        for (var v = 0; v < group.Length; v++)
        {
            nodes[next[group[v]]++] = v;
        }
        return new GroupMembers(offsets, nodes);
    }

    public Span<int> Of(int g) => _nodes.AsSpan(_offsets[g], _offsets[g + 1] - _offsets[g]);
}
