using System.Diagnostics;
using System.Globalization;
using System.Text;
using GraphApi.Core.Interchange;

namespace GraphApi.Cli;

/// <summary><c>import --actors a.csv --relationships r.csv [--db path] [--dry-run]</c></summary>
public static class ImportCommand
{
    private const int MaxPrintedErrors = 1000;

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
        var snapshot = graph.Snapshot;
        await Progress($"store {graph.Store.Location}: {snapshot.ActorCount} actors, {snapshot.RelationshipCount} relationships, version {snapshot.Version}");

        using var actors = Open(actorsPath, GraphCsv.ActorColumns);
        using var relationships = Open(relationshipsPath, GraphCsv.RelationshipColumns);
        var import = await GraphImport.StreamCsvAsync(graph, actors, Name(actorsPath, "actors.csv"), relationships, Name(relationshipsPath, "relationships.csv"),
            new CsvReadOptions { Progress = RowProgress },
            arguments.DryRun, cancellationToken);
        if (!Console.IsErrorRedirected)
        {
            await Console.Error.WriteLineAsync(); // end the progress line the terminal kept rewriting
        }
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
        await Progress($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return CliCommands.Ok;
    }

    /// <summary>
    /// Every 10,000 rows: on a terminal one line rewritten in place, in a log (stderr redirected) a line each, so
    /// scripts and CI keep a readable record.
    /// </summary>
    private static void RowProgress(string file, int rows)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{file}: {rows:N0} rows read");
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine(line);
        }
        else
        {
            Console.Error.Write($"\r{line}   ");
        }
    }

    private static Task Progress(FormattableString message) => Console.Error.WriteLineAsync(FormattableString.Invariant(message));

    private static TextReader Open(string? path, IReadOnlyList<string> columns) => path is null
        ? new StringReader(string.Join(',', columns))
        : new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    private static string Name(string? path, string fallback) => path is null ? fallback : Path.GetFileName(path);
}
