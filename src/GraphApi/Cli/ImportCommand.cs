using System.Diagnostics;
using System.Globalization;
using System.Text;
using GraphApi.Core.Interchange;

namespace GraphApi.Cli;

/// <summary><c>import --actors a.csv --relationships r.csv [--db path] [--dry-run] [--workspace id]</c></summary>
public static class ImportCommand
{
    private const int MaxPrintedErrors = 1000;

    /// <summary>In logs, a progress line per 8 MB read.</summary>
    private const long PlainProgressEvery = 8L * 1024 * 1024;

    public static async Task<int> RunAsync(ImportArguments arguments, CancellationToken cancellationToken)
    {
        var actorsPath = arguments.Actors;
        var relationshipsPath = arguments.Relationships;
        if (actorsPath is null && relationshipsPath is null)
        {
            throw new CliUsageException("give --actors and/or --relationships");
        }
        foreach (var path in new[] { actorsPath, relationshipsPath }.OfType<string>().Where(p => !File.Exists(p)))
        {
            // Under `dotnet run` the working directory is the project's, which surprises; the full path shows it.
            throw new CliUsageException($"no such file: {Path.GetFullPath(path)}");
        }

        var clock = Stopwatch.StartNew();
        using var cli = await CliGraph.OpenAsync(arguments.Db, cancellationToken);
        var graph = cli.Graph;
        if (arguments.Workspace is { } workspace && await graph.FindWorkspaceAsync(workspace, cancellationToken) is null)
        {
            throw new CliUsageException($"no workspace '{workspace}' exists (an admin creates it: POST /api/workspaces)");
        }
        var snapshot = graph.Snapshot;
        await Progress($"store {graph.Store.Location}: {snapshot.ActorCount} actors, {snapshot.RelationshipCount} relationships, version {snapshot.Version}");

        var files = new Dictionary<string, FileStream>(StringComparer.Ordinal);
        using var actors = Open(actorsPath, GraphCsv.ActorColumns, files);
        using var relationships = Open(relationshipsPath, GraphCsv.RelationshipColumns, files);
        var import = await CliProgress.RunAsync(PlainProgressEvery, async progress =>
        {
            var result = await GraphImport.StreamCsvAsync(graph, actors, Name(actorsPath, "actors.csv"), relationships, Name(relationshipsPath, "relationships.csv"),
                new CsvReadOptions { Progress = (file, rows) => Report(progress, files, file, rows) },
                arguments.DryRun, arguments.Workspace, cancellationToken);
            foreach (var file in files.Keys)
            {
                progress.Done(file);
            }
            return result;
        });
        if (import.Summary is not { } summary)
        {
            foreach (var error in import.Errors.Take(MaxPrintedErrors))
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }
            var more = import.Errors.Count > MaxPrintedErrors ? $" (the first {MaxPrintedErrors} shown)" : "";
            await Console.Error.WriteLineAsync($"rejected: {import.Errors.Count} error(s){more}; nothing was written");
            return CliCommands.Rejected;
        }

        var verb = summary.DryRun ? "dry run, nothing written: would create" : "imported: created";
        var updated = summary.DryRun ? "would update" : "updated";
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{verb} {summary.ActorsCreated} actors and {summary.RelationshipsCreated} relationships, {updated} {summary.ActorsUpdated} actors and {summary.RelationshipsUpdated} relationships; store version {summary.Version}"));
        if (!summary.DryRun && graph.SavesSnapshotFile)
        {
            // The file itself is written when the command disposes the graph, as a service writes it at shutdown.
            if (graph.Snapshot.Version == summary.Version)
            {
                await Progress($"the snapshot file will show version {summary.Version}: the next start reads it instead of the store");
            }
            else
            {
                await Progress($"the snapshot file is left as it was: the next start reads the store");
            }
        }
        await Progress($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return CliCommands.Ok;
    }

    /// <summary>How far through its file the reader is, in bytes (the reader runs a buffer ahead of the rows).</summary>
    private static void Report(CliProgress progress, Dictionary<string, FileStream> files, string file, int rows)
    {
        var detail = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows");
        if (files.TryGetValue(file, out var stream))
        {
            progress.Report(file, stream.Position, stream.Length, detail);
        }
        else
        {
            progress.Report(file, rows, null, detail);
        }
    }

    private static Task Progress(FormattableString message) => Console.Error.WriteLineAsync(FormattableString.Invariant(message));

    private static TextReader Open(string? path, IReadOnlyList<string> columns, Dictionary<string, FileStream> files)
    {
        if (path is null)
        {
            return new StringReader(string.Join(',', columns));
        }
        var stream = File.OpenRead(path);
        files[Path.GetFileName(path)] = stream;
        return new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
    }

    private static string Name(string? path, string fallback) => path is null ? fallback : Path.GetFileName(path);
}
