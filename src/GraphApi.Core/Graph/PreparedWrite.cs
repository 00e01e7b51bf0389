namespace GraphApi.Core.Graph;

/// <summary>
/// A write's snapshot side, worked out before the commit (<see cref="SnapshotRecords"/>): its records in snapshot
/// form, and how the outcome the store answers with is shown. After the commit the writer only calls
/// <see cref="ShowIn"/>, which places what was derived (slots and arcs).
/// </summary>
internal sealed class PreparedWrite<TOutcome>(Func<GraphSnapshot, TOutcome, long, GraphSnapshot> show)
{
    /// <summary>The snapshot with the committed write applied, at <paramref name="version"/>.</summary>
    public GraphSnapshot ShowIn(GraphSnapshot snapshot, TOutcome outcome, long version) => show(snapshot, outcome, version);
}
