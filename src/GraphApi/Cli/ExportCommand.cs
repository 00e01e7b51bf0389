using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;
using GraphApi.Interchange;

namespace GraphApi.Cli;

/// <summary><c>export --format graphml --out file [--db path]</c> and the API's subgraph options.</summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(CliOptions options, CancellationToken cancellationToken)
    {
        options.AllowOnly("format", "out", "db", "part", "gexf-version", "ids", "actor", "depth", "kind", "country", "region", "sector", "analysis");
        var parameters = new ExportParameters(
            options.Get("format"), options.Get("part"), options.Get("gexf-version"), options.Get("ids"), options.Get("kind"),
            options.Get("country"), options.Get("region"), options.Get("sector"), options.Get("actor"), options.GetInt("depth"),
            options.Get("analysis"));
        using var cli = await CliGraph.OpenAsync(options.Get("db"), cancellationToken);
        var errors = new ValidationErrors();
        if (ExportQuery.Parse(parameters, cli.Graph.Regions, cli.ColumnSources, errors) is not { } plan)
        {
            throw new CliUsageException(errors.ToString());
        }
        var snapshot = cli.Graph.Snapshot.Compacted();
        if (plan.MissingIds(snapshot) is { Count: > 0 } missing)
        {
            throw new CliUsageException($"no actor {string.Join(", ", missing.Select(id => $"'{id}'"))} in the store");
        }
        var export = await plan.SelectAsync(snapshot, cancellationToken);
        var outPath = options.Get("out");
        var output = outPath is null or "-" ? Console.OpenStandardOutput() : File.Create(outPath);
        await using (output)
        {
            await GraphExporter.WriteAsync(export, plan.Request, output, cli.Json, cancellationToken);
        }
        await Console.Error.WriteLineAsync(FormattableString.Invariant(
            $"exported {export.ActorCount} actors and {export.RelationshipCount} relationships (store version {snapshot.Version}) as {options.Get("format")}{(outPath is null or "-" ? "" : " to " + Path.GetFullPath(outPath))}"));
        return CliCommands.Ok;
    }
}
