using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// Each actor's community (Leiden at the default resolution 1 and seed 42, the same answer as
/// <c>/api/analysis/communities</c> without parameters, as of the export's day when it has one) and its participation coefficient as export columns
/// (<c>?analysis=community</c>), so Gephi or Cytoscape can colour by community and size by bridging.
/// </summary>
public sealed class CommunityColumns(AnalysisService analysis) : IExportColumnSource
{
    public string Name => "community";

    public async Task<IReadOnlyList<ExportColumn>> GetColumnsAsync(GraphSnapshot snapshot, ExportColumnOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = await analysis.On(snapshot).CommunitiesAsync(new CommunityOptions(), options.AsOf, cancellationToken).ConfigureAwait(false);
        var indices = AnalysisColumnIndex.Map(snapshot, result.Snapshot);
        return
        [
            new ExportColumn("community", AttributeKind.WholeNumber, i => indices[i] is var j and >= 0 ? result.Community[j] : null),
            new ExportColumn("participation", AttributeKind.RealNumber, i => indices[i] is var j and >= 0 ? result.Participation[j] : null),
        ];
    }
}
