namespace GraphApi.Core.Analysis;

/// <summary>
/// Steele, Lea and Flood's SplitMix64 generator: a few arithmetic operations per number, and any (seed, stream)
/// pair gives its own reproducible sequence, so each sample of a parallel estimate draws from a stream fixed by its
/// index, and the estimate is the same whichever thread takes which sample.
/// </summary>
internal struct SplitMix
{
    private ulong _state;

    public SplitMix(int seed, long stream)
    {
        _state = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)stream * 0x9E3779B97F4A7C15UL));
        NextULong();
    }

    public ulong NextULong()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Uniform in [0, <paramref name="bound"/>): the high half of a 64 × 64-bit product (Lemire's multiply-shift),
    /// whose bias is below bound / 2⁶⁴, far under anything a sample of this size can see.
    /// </summary>
    public int Next(int bound) => (int)Math.BigMul(NextULong(), (ulong)bound, out _);
}
