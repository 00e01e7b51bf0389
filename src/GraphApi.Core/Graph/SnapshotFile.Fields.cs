using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>The snapshot file's field encodings: dates, optional strings, string lists and arrays of plain values.</summary>
internal static partial class SnapshotFile
{
    private static void WriteDate(BinaryWriter w, PartialDate? date)
    {
        w.Write(date?.Year ?? 0);
        w.Write(date?.Month ?? 0);
        w.Write(date?.Day ?? 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PartialDate? ReadDate(BinaryReader r)
    {
        var (year, month, day) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        return year == 0 ? null : new PartialDate(year, month == 0 ? null : month, day == 0 ? null : day);
    }

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? PooledOptional(BinaryReader r, StringPool pool) => r.ReadBoolean() ? pool.Get(r.ReadString()) : null;

    private static void WriteList(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[] ReadList(BinaryReader r, StringPool? pool)
    {
        var count = r.ReadInt32();
        if (count == 0)
        {
            return [];
        }
        var values = new string[count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = r.ReadString();
            values[i] = pool is null ? value : pool.Get(value);
        }
        return values;
    }

    private static void WriteArray<T>(BinaryWriter w, T[] values) where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader r) where T : unmanaged
    {
        var values = new T[r.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (r.Read(bytes) != bytes.Length)
        {
            throw new EndOfStreamException("the snapshot file ends early");
        }
        return values;
    }
}
