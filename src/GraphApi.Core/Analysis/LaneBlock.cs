using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphApi.Core.Analysis;

/// <summary>
/// One double per source of a batch, side by side in one vector register, for the batched breadth-first Brandes
/// (<see cref="BreadthFirstBrandes{TLanes}"/>). A set of lanes is an int (a byte in the kernel's arrays), bit i for
/// lane i. Implemented as structs so that the kernel, generic over this interface, is compiled once per width with
/// every call inlined.
/// </summary>
internal interface ILaneBlock<TSelf> where TSelf : struct, ILaneBlock<TSelf>
{
    /// <summary>Lanes per block: how many sources one batch searches at once (at most 8).</summary>
    static abstract int Width { get; }

    static abstract TSelf Zero { get; }

    /// <summary>1.0 in every lane.</summary>
    static abstract TSelf One { get; }

    static abstract TSelf Fill(double value);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>The lanes in <paramref name="lanes"/> from <paramref name="chosen"/>, the others from <paramref name="other"/>.</summary>
    static abstract TSelf Select(int lanes, TSelf chosen, TSelf other);

    /// <summary>The lanes in <paramref name="lanes"/> from <paramref name="value"/>, the others +0.0.</summary>
    static abstract TSelf Keep(int lanes, TSelf value);

    /// <summary>The lanes added in a fixed order (halves, then quarters), so the same block always gives the same sum.</summary>
    static abstract double Sum(TSelf value);

    static abstract double Lane(TSelf value, int lane);
}

/// <summary>Four lanes in a <see cref="Vector256{T}"/> (AVX2).</summary>
internal readonly struct FourLanes : ILaneBlock<FourLanes>
{
    private static readonly Vector256<long> LaneBits = Vector256.Create(1L, 2, 4, 8);
    private readonly Vector256<double> _value;

    private FourLanes(Vector256<double> value) => _value = value;

    public static int Width => 4;

    public static FourLanes Zero => default;

    public static FourLanes One => new(Vector256.Create(1.0));

    public static FourLanes Fill(double value) => new(Vector256.Create(value));

    public static FourLanes operator +(FourLanes left, FourLanes right) => new(left._value + right._value);

    public static FourLanes operator *(FourLanes left, FourLanes right) => new(left._value * right._value);

    public static FourLanes operator /(FourLanes left, FourLanes right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FourLanes Select(int lanes, FourLanes chosen, FourLanes other) =>
        new(Vector256.ConditionalSelect(Mask(lanes), chosen._value, other._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FourLanes Keep(int lanes, FourLanes value) => new(value._value & Mask(lanes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(FourLanes value)
    {
        var halves = value._value.GetLower() + value._value.GetUpper();
        return halves.ToScalar() + halves.GetElement(1);
    }

    public static double Lane(FourLanes value, int lane) => value._value[lane];

    public static FourLanes Add(FourLanes left, FourLanes right) => left + right;

    public static FourLanes Multiply(FourLanes left, FourLanes right) => left * right;

    public static FourLanes Divide(FourLanes left, FourLanes right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Mask(int lanes) =>
        Vector256.Equals(Vector256.Create((long)lanes) & LaneBits, LaneBits).AsDouble();
}

/// <summary>Eight lanes in a <see cref="Vector512{T}"/> (AVX-512): one cache line per node.</summary>
internal readonly struct EightLanes : ILaneBlock<EightLanes>
{
    private static readonly Vector512<long> LaneBits = Vector512.Create(1L, 2, 4, 8, 16, 32, 64, 128);
    private readonly Vector512<double> _value;

    private EightLanes(Vector512<double> value) => _value = value;

    public static int Width => 8;

    public static EightLanes Zero => default;

    public static EightLanes One => new(Vector512.Create(1.0));

    public static EightLanes Fill(double value) => new(Vector512.Create(value));

    public static EightLanes operator +(EightLanes left, EightLanes right) => new(left._value + right._value);

    public static EightLanes operator *(EightLanes left, EightLanes right) => new(left._value * right._value);

    public static EightLanes operator /(EightLanes left, EightLanes right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EightLanes Select(int lanes, EightLanes chosen, EightLanes other) =>
        new(Vector512.ConditionalSelect(Mask(lanes), chosen._value, other._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EightLanes Keep(int lanes, EightLanes value) => new(value._value & Mask(lanes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(EightLanes value)
    {
        var quarters = value._value.GetLower() + value._value.GetUpper();
        var halves = quarters.GetLower() + quarters.GetUpper();
        return halves.ToScalar() + halves.GetElement(1);
    }

    public static double Lane(EightLanes value, int lane) => value._value[lane];

    public static EightLanes Add(EightLanes left, EightLanes right) => left + right;

    public static EightLanes Multiply(EightLanes left, EightLanes right) => left * right;

    public static EightLanes Divide(EightLanes left, EightLanes right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Mask(int lanes) =>
        Vector512.Equals(Vector512.Create((long)lanes) & LaneBits, LaneBits).AsDouble();
}
