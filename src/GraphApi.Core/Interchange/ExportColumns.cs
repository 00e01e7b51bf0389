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
/// A source of analysis columns for exports (<c>?analysis=name</c>), registered in DI so that analyses living
/// elsewhere (betweenness, brokerage roles) can be added to every export format without the writers knowing them.
/// Column names must not repeat the built-in actor attributes.
/// </summary>
public interface IExportColumnSource
{
    /// <summary>The name callers use in <c>analysis=</c>.</summary>
    string Name { get; }

    /// <summary>Computes the columns over the whole snapshot (a subgraph export shows whole-graph values).</summary>
    Task<IReadOnlyList<ExportColumn>> GetColumnsAsync(GraphSnapshot snapshot, CancellationToken cancellationToken);
}

/// <summary>Degree (relationships at the actor, each counted once): cheap, and what Gephi users size nodes by first.</summary>
public sealed class DegreeColumns : IExportColumnSource
{
    public string Name => "degree";

    public Task<IReadOnlyList<ExportColumn>> GetColumnsAsync(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExportColumn>>([new ExportColumn("degree", AttributeKind.WholeNumber, i => snapshot.Degree(i))]);
}
