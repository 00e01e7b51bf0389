using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Betweenness as export columns (<c>?analysis=betweenness</c>), so Gephi or Cytoscape can size nodes by it.
/// Values come from the cached analysis of the current snapshot (as of the export's day, when it has one) and are
/// matched to the export's snapshot by id, because a write may land between the two.
/// </summary>
public sealed class BetweennessColumns(AnalysisService analysis) : IExportColumnSource
{
    public string Name => "betweenness";

    public async Task<IReadOnlyList<ExportColumn>> GetColumnsAsync(GraphSnapshot snapshot, ExportColumnOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = await analysis.On(snapshot).CentralityAsync(new CentralityOptions(CentralityMeasures.Betweenness), options.AsOf, cancellationToken).ConfigureAwait(false);
        var indices = AnalysisColumnIndex.Map(snapshot, result.Snapshot);
        return
        [
            new ExportColumn("betweenness", AttributeKind.RealNumber, i => indices[i] is var j and >= 0 ? result.Betweenness![j] : null),
            new ExportColumn("betweennessNormalized", AttributeKind.RealNumber, i => indices[i] is var j and >= 0 ? result.BetweennessNormalized![j] : null),
        ];
    }
}

/// <summary>
/// Gould–Fernandez brokerage roles as export columns (<c>?analysis=brokerage</c>), so Gephi can colour by role: over the
/// export's partition (regions unless it names another) and directions, as <c>/api/analysis/brokerage</c> computes them.
/// </summary>
public sealed class BrokerageColumns(AnalysisService analysis) : IExportColumnSource
{
    public string Name => "brokerage";

    public IReadOnlyList<string> Options { get; } = [ExportColumnOptions.PartitionOption, ExportColumnOptions.DirectedOption];

    public async Task<IReadOnlyList<ExportColumn>> GetColumnsAsync(GraphSnapshot snapshot, ExportColumnOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = await analysis.On(snapshot).BrokerageAsync(options.Partition, options.Directed, options.AsOf, cancellationToken).ConfigureAwait(false);
        var indices = AnalysisColumnIndex.Map(snapshot, result.Snapshot);
        ExportColumn Role(string name, Func<BrokerageRoles, long> pick) =>
            new(name, AttributeKind.WholeNumber, i => indices[i] is var j and >= 0 ? pick(result.Roles[j]) : null);
        return
        [
            Role("brokerCoordinator", r => r.Coordinator),
            Role("brokerItinerant", r => r.Itinerant),
            Role("brokerRepresentative", r => r.Representative),
            Role("brokerGatekeeper", r => r.Gatekeeper),
            Role("brokerLiaison", r => r.Liaison),
            Role("brokerTotal", r => r.Total),
        ];
    }
}

internal static class AnalysisColumnIndex
{
    /// <summary>For each actor of <paramref name="export"/>, its index in <paramref name="analysed"/>, or −1.</summary>
    public static int[] Map(GraphSnapshot export, GraphSnapshot analysed)
    {
        var map = new int[export.ActorCount];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = ReferenceEquals(export, analysed) ? i : analysed.TryGetIndex(export.ActorAt(i).Id, out var j) ? j : -1;
        }
        return map;
    }
}
