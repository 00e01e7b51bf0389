namespace GraphApi.Core.Graph;

/// <summary>
/// The arcs of one actor: <see cref="Targets"/>[i] is reached over relationship <see cref="Relationships"/>[i].
/// Ordered by target id, then relationship id, in every snapshot (base or delta), which is what makes every scan
/// deterministic and the same on a patched snapshot as on a rebuilt one.
/// </summary>
public readonly ref struct ArcSpan(ReadOnlySpan<int> targets, ReadOnlySpan<int> relationships)
{
    public ReadOnlySpan<int> Targets { get; } = targets;

    public ReadOnlySpan<int> Relationships { get; } = relationships;

    public int Length => Targets.Length;
}

/// <summary>An actor's arcs held by a delta (the actor is new, or one of its ties changed since the base).</summary>
internal sealed class NodeArcs(int[] targets, int[] relationships)
{
    public static readonly NodeArcs None = new([], []);

    public int[] Targets { get; } = targets;

    public int[] Relationships { get; } = relationships;
}
