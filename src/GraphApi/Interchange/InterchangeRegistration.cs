using GraphApi.Core.Interchange;
using GraphApi.Http.Input;

namespace GraphApi.Interchange;

/// <summary>The closed sets of the export's parameters: formats, CSV parts, GEXF versions and the analysis column sets.</summary>
public static class InterchangeRegistration
{
    public const string Formats = "export format";
    public const string Parts = "CSV part";
    public const string GexfVersions = "GEXF version";
    public const string AnalysisColumns = "analysis column set";

    public static IServiceCollection AddInterchange(this IServiceCollection services) => services
        .AddClosedSet(Formats, _ => GraphExporter.FormatNames)
        .AddClosedSet(Parts, _ => ["actors", "relationships"])
        .AddClosedSet(GexfVersions, _ => ["1.3", "1.2draft"])
        .AddClosedSet(AnalysisColumns, sp => [.. sp.GetServices<IExportColumnSource>().Select(s => s.Name)]);
}
