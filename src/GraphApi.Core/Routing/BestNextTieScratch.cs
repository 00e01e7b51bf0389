namespace GraphApi.Core.Routing;

/// <summary>
/// The per-actor arrays one best-next-tie answer needs, pooled: at 100k actors they are a few megabytes, which as
/// fresh allocations land on the large-object heap and soon cost a full garbage collection of the whole graph —
/// measured at several times the search itself. Rented arrays are cleared here, so every answer starts clean even
/// after an earlier one was cancelled half-way.
/// </summary>
internal sealed class BestNextTieScratch
{
    private static readonly ScratchPool<BestNextTieScratch> s_pool = new(() => new BestNextTieScratch(), Math.Max(2, Environment.ProcessorCount));

    public long[] Best = [];
    public int[] Head = [];
    public long[] PendingCost = [];
    public int[] PendingNext = [];
    public int[] PendingRelationship = [];
    public int[] PendingStamp = [];
    public bool[] Seen = [];
    public bool[] IsTarget = [];
    public bool[] Candidate = [];
    public bool[] IsSource = [];
    public int[] Counts = [];
    public ulong[] Reach = [];
    public ulong[] Fresh = [];
    public ulong[] NextFresh = [];

    public static BestNextTieScratch Rent(int actors)
    {
        var scratch = s_pool.Rent();
        scratch.Prepare(actors);
        return scratch;
    }

    public static void Return(BestNextTieScratch scratch) => s_pool.Return(scratch);

    private void Prepare(int n)
    {
        if (Best.Length < n)
        {
            Best = new long[n];
            Head = new int[n];
            PendingCost = new long[n];
            PendingNext = new int[n];
            PendingRelationship = new int[n];
            PendingStamp = new int[n];
            Seen = new bool[n];
            IsTarget = new bool[n];
            Candidate = new bool[n];
            IsSource = new bool[n];
            Counts = new int[n];
            Reach = new ulong[n];
            Fresh = new ulong[n];
            NextFresh = new ulong[n];
        }
        // Pending entries are read only under their layer's stamp, so only the stamps need clearing.
        Array.Fill(Best, HopBoundedCosts.Unreachable, 0, n);
        Array.Fill(Head, -1, 0, n);
        Array.Clear(PendingStamp, 0, n);
        Array.Clear(Seen, 0, n);
        Array.Clear(IsTarget, 0, n);
        Array.Clear(Candidate, 0, n);
        Array.Clear(IsSource, 0, n);
        Array.Clear(Counts, 0, n);
        Array.Clear(Reach, 0, n);
        Array.Clear(Fresh, 0, n);
        Array.Clear(NextFresh, 0, n);
    }
}
