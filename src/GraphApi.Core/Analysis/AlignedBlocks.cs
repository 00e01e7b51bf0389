using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GraphApi.Core.Analysis;

/// <summary>
/// An array of vector-sized blocks whose first element starts on a 64-byte boundary, so that no block straddles two
/// cache lines: a managed array's elements start 16 bytes into an 8-byte-aligned object, and an unaligned 64-byte
/// block costs two cache-line reads wherever the kernel gathers it. The memory is on the pinned object heap (it never
/// moves, so the alignment found at allocation holds).
/// </summary>
internal sealed class AlignedBlocks<T> where T : struct
{
    private const int CacheLine = 64;
    private readonly byte[] _bytes;
    private readonly int _start;

    public AlignedBlocks(int length)
    {
        Length = length;
        _bytes = GC.AllocateArray<byte>(length * Unsafe.SizeOf<T>() + CacheLine, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(_bytes, 0);
        _start = (int)((CacheLine - (address % CacheLine)) % CacheLine);
    }

    public int Length { get; }

    /// <summary>The first block, for unchecked access (<see cref="Unsafe.Add{T}(ref T, int)"/>) in the hot loops.</summary>
    public ref T First => ref Unsafe.As<byte, T>(ref _bytes[_start]);

    public Span<T> Span => MemoryMarshal.CreateSpan(ref First, Length);
}
