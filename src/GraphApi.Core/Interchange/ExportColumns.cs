using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Interchange;

/// <summary>The value types the export formats can declare (GraphML attr.type, GEXF attribute type).</summary>
public enum AttributeKind
{
    Text,
    WholeNumber,
    RealNumber,
    TrueFalse,
}

/// <summary>One extra per-actor column, e.g. betweenness; <see cref="ValueOf"/> takes the actor's snapshot index.</summary>
public sealed record ExportColumn(string Name, AttributeKind Type, Func<int, object?> ValueOf);

/// <summary>
/// What analysis columns are computed on: the graph of the ties in force on <see cref="AsOf"/> (the whole graph when
/// null), and for the columns that take them (<see cref="IExportColumnSource.Options"/>), the <see cref="Partition"/>
/// of actors into groups and whether stored directions count (<see cref="Directed"/>), as the analyses take them.
/// </summary>
public sealed record ExportColumnOptions(DateOnly? AsOf = null, ActorField Partition = ActorField.Region, bool Directed = false)
{
    public const string PartitionOption = "partition";
    public const string DirectedOption = "directed";

    public static ExportColumnOptions Default { get; } = new();
}

/// <summary>
/// A source of analysis columns for exports (<c>?analysis=name</c>), registered in DI so that analyses living
/// elsewhere (betweenness, brokerage roles) can be added to every export format without the writers knowing them.
/// Column names must not repeat the built-in actor attributes.
/// </summary>
public interface IExportColumnSource
{
    /// <summary>The name callers use in <c>analysis=</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The options of <see cref="ExportColumnOptions"/> these columns honour besides the day, by their parameter names
    /// (<see cref="ExportColumnOptions.PartitionOption"/>, <see cref="ExportColumnOptions.DirectedOption"/>): an export that
    /// gives one no column honours is refused rather than silently ignoring it.
    /// </summary>
    IReadOnlyList<string> Options => [];

    /// <summary>
    /// Computes the columns over the whole <paramref name="snapshot"/> (a subgraph export shows whole-graph values), which is
    /// the graph as of <see cref="ExportColumnOptions.AsOf"/> when a day is given.
    /// </summary>
    Task<IReadOnlyList<ExportColumn>> GetColumnsAsync(GraphSnapshot snapshot, ExportColumnOptions options, CancellationToken cancellationToken);
}

/// <summary>Degree (relationships at the actor, each counted once): cheap, and what Gephi users size nodes by first.</summary>
public sealed class DegreeColumns : IExportColumnSource
{
    public string Name => "degree";

    /// <remarks>The snapshot is already the graph as of the export's day, so its degrees are that day's.</remarks>
    public Task<IReadOnlyList<ExportColumn>> GetColumnsAsync(GraphSnapshot snapshot, ExportColumnOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExportColumn>>([new ExportColumn("degree", AttributeKind.WholeNumber, i => snapshot.Degree(i))]);
}
