using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Http;

namespace GraphApi.Interchange;

/// <summary>What an export is asked for, by the API's query (<see cref="ExportQueryParameters"/>) or the CLI's options of the same names.</summary>
public sealed record ExportParameters(
    string? Format, string? Part = null, string? GexfVersion = null, string? Ids = null, string? Kind = null, string? Country = null,
    string? Region = null, string? Sector = null, string? Actor = null, int? Depth = null, string? Analysis = null, bool? IncludeLedger = null,
    string? AsOf = null, string? Partition = null, bool? Directed = null);

/// <summary>A checked export: what to write, which part of which graph, and which analysis columns computed how.</summary>
public sealed record ExportPlan(ExportRequest Request, SubgraphQuery Subgraph, IReadOnlyList<IExportColumnSource> Analyses, ExportColumnOptions Options)
{
    /// <summary>The graph to export: the whole of <paramref name="current"/>, or the ties in force on the day asked for.</summary>
    public GraphSnapshot GraphOf(GraphSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Options.AsOf is { } day ? current.InForceOn(day) : current.Compacted();
    }

    /// <summary>Ids the query names that the snapshot does not have (the API answers 404 naming them).</summary>
    public IReadOnlyList<string> MissingIds(GraphSnapshot snapshot) =>
        [.. (Subgraph.Around is { } around ? [around] : Subgraph.Ids ?? []).Where(id => snapshot.FindActor(id) is null)];

    public async Task<ExportGraph> SelectAsync(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        var columns = new List<ExportColumn>();
        foreach (var source in Analyses)
        {
            columns.AddRange(await source.GetColumnsAsync(snapshot, Options, cancellationToken));
        }
        return Core.Interchange.Subgraph.Select(snapshot, Subgraph, columns);
    }
}

public static class ExportQuery
{
    public const int MaxDepth = 3;
    public const int MaxIds = 10_000;

    /// <returns>The plan, or null with <paramref name="errors"/> saying what is wrong.</returns>
    public static ExportPlan? Parse(ExportParameters p, Regions regions, IEnumerable<IExportColumnSource> sources, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!GraphExporter.TryParseFormat(p.Format, out var format))
        {
            errors.Add("format", $"{(p.Format is null ? "is required" : $"'{p.Format}' is not a format")}: use one of {string.Join(", ", GraphExporter.FormatNames)}");
        }
        if (!GraphExporter.TryParsePart(p.Part, out var part))
        {
            errors.Add("part", "must be actors or relationships (leave it out for a zip of both)");
        }
        else if (part != CsvPart.Both && format != ExportFormat.Csv)
        {
            errors.Add("part", "applies to format=csv only");
        }
        if (!GraphExporter.TryParseGexfVersion(p.GexfVersion, out var gexf))
        {
            errors.Add("gexfVersion", "must be 1.3 (the default) or 1.2draft");
        }
        else if (p.GexfVersion is not null && format != ExportFormat.Gexf)
        {
            errors.Add("gexfVersion", "applies to format=gexf only");
        }
        var ids = Split(p.Ids);
        if (ids is { Count: > MaxIds })
        {
            errors.Add("ids", $"must list at most {MaxIds} ids");
        }
        CheckNeighbourhood(p, ids, errors);
        var filter = ActorFilterRules.Check(new ActorFilter(p.Kind, p.Country, p.Region, p.Sector), regions, errors);
        if (p.IncludeLedger == true && format != ExportFormat.Json)
        {
            errors.Add("includeLedger", "applies to format=json only (the graph formats have no place for asks)");
        }
        var available = sources.ToList();
        var analyses = PickAnalyses(Split(p.Analysis) ?? [], available, errors);
        var options = ColumnOptions(p, analyses, available, errors);
        if (filter is null || !errors.IsEmpty)
        {
            return null;
        }
        var subgraph = new SubgraphQuery
        {
            Ids = ids,
            Around = p.Actor,
            Depth = p.Depth ?? 1,
            Filter = filter.IsEmpty ? null : filter.Matches,
        };
        return new ExportPlan(new ExportRequest(format, part, gexf), subgraph, analyses, options);
    }

    private static void CheckNeighbourhood(ExportParameters p, IReadOnlyList<string>? ids, ValidationErrors errors)
    {
        if (p.Actor is not null && ids is not null)
        {
            errors.Add("actor", "give either ids or actor (with depth), not both");
        }
        if (p.Depth is not null && p.Actor is null)
        {
            errors.Add("depth", "applies only with actor (the neighbourhood of that actor)");
        }
        if (p.Depth is < 1 or > MaxDepth)
        {
            errors.Add("depth", $"must be between 1 and {MaxDepth}");
        }
    }

    private static List<IExportColumnSource> PickAnalyses(IReadOnlyList<string> names, List<IExportColumnSource> sources, ValidationErrors errors)
    {
        var picked = new List<IExportColumnSource>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) is { } source)
            {
                picked.Add(source);
            }
            else
            {
                var available = sources.Count == 0 ? "none" : string.Join(", ", sources.Select(s => s.Name));
                errors.Add("analysis", $"'{name}' is not an available analysis column set; available: {available}");
            }
        }
        return picked;
    }

    /// <summary>
    /// The day the whole export is read on (its graph and every analysis column) and the options only some columns take:
    /// an option no picked column honours is refused, naming the columns that would.
    /// </summary>
    private static ExportColumnOptions ColumnOptions(
        ExportParameters p, IReadOnlyList<IExportColumnSource> picked, IReadOnlyList<IExportColumnSource> available, ValidationErrors errors)
    {
        var day = AsOfQuery.Parse(p.AsOf, errors);
        var partition = ActorField.Region;
        if (p.Partition is not null && !ActorFields.TryParse(p.Partition, out partition))
        {
            errors.Add("partition", $"must be one of {string.Join(", ", ActorFields.Names)}");
        }
        RequireAnalysisFor(ExportColumnOptions.PartitionOption, p.Partition is not null, picked, available, errors);
        RequireAnalysisFor(ExportColumnOptions.DirectedOption, p.Directed is not null, picked, available, errors);
        return new ExportColumnOptions(day, partition, p.Directed ?? false);
    }

    private static void RequireAnalysisFor(
        string option, bool given, IReadOnlyList<IExportColumnSource> picked, IReadOnlyList<IExportColumnSource> available, ValidationErrors errors)
    {
        if (given && !picked.Any(s => s.Options.Contains(option)))
        {
            var taking = available.Where(s => s.Options.Contains(option)).Select(s => $"analysis={s.Name}").ToList();
            errors.Add(option, taking.Count == 0
                ? "applies to no analysis column set of this deployment; leave it out"
                : $"applies only to analysis columns that use it ({string.Join(", ", taking)}); add one, or leave it out");
        }
    }

    private static List<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
