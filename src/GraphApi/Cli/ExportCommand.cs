using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;
using GraphApi.Interchange;

namespace GraphApi.Cli;

/// <summary><c>export --format graphml --out file [--db path]</c> and the API's subgraph options.</summary>
public static class ExportCommand
{
    /// <summary>In logs, a progress line per 16 MB written.</summary>
    private const long PlainProgressEvery = 16L * 1024 * 1024;

    public static async Task<int> RunAsync(ExportParameters parameters, string? outPath, string? db, CancellationToken cancellationToken)
    {
        using var cli = await CliGraph.OpenAsync(db, cancellationToken);
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
        var output = outPath is null or "-" ? Console.OpenStandardOutput() : File.Create(outPath);
        await using (output)
        {
            var item = Path.GetFileName(outPath ?? "stdout");
            await CliProgress.RunAsync(PlainProgressEvery, async progress =>
            {
                // The size is known only at the end; the bar shows how much is written.
                await using var counted = new CountingStream(output, bytes => progress.Report(item, bytes, null));
                await GraphExporter.WriteAsync(export, plan.Request, counted, cli.Json, cancellationToken);
                progress.Done(item);
                return true;
            });
        }
        await Console.Error.WriteLineAsync(FormattableString.Invariant(
            $"exported {export.ActorCount} actors and {export.RelationshipCount} relationships (store version {snapshot.Version}) as {parameters.Format}{(outPath is null or "-" ? "" : " to " + Path.GetFullPath(outPath))}"));
        return CliCommands.Ok;
    }
}
