namespace GraphApi.Core.Graph;

/// <summary>
/// An immutable set of small integers with copy-on-write chunks of 32,768 bits: setting a bit copies the chunk's
/// 4 KB and the short chunk table, not the whole set, so a write costs what it changes. Reading is two array
/// loads, cheap enough for the route searches' "does this actor have patched arcs?" test on every expansion.
/// </summary>
internal sealed class PersistentBitSet
{
    private const int ChunkBits = 15;
    private const int WordsPerChunk = (1 << ChunkBits) / 64;

    private readonly ulong[]?[] _chunks;

    private PersistentBitSet(ulong[]?[] chunks) => _chunks = chunks;

    public static PersistentBitSet Empty { get; } = new([]);

    public bool Contains(int value)
    {
        var chunk = value >> ChunkBits;
        return chunk < _chunks.Length && _chunks[chunk] is { } words
            && (words[(value & ((1 << ChunkBits) - 1)) >> 6] & (1UL << (value & 63))) != 0;
    }

    public PersistentBitSet Add(int value)
    {
        if (Contains(value))
        {
            return this;
        }
        var chunk = value >> ChunkBits;
        var chunks = new ulong[]?[Math.Max(_chunks.Length, chunk + 1)];
        Array.Copy(_chunks, chunks, _chunks.Length);
        var words = chunks[chunk] is { } old ? (ulong[])old.Clone() : new ulong[WordsPerChunk];
        words[(value & ((1 << ChunkBits) - 1)) >> 6] |= 1UL << (value & 63);
        chunks[chunk] = words;
        return new PersistentBitSet(chunks);
    }
}
