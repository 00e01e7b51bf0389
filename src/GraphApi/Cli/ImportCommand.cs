using System.Diagnostics;
using System.Globalization;
using System.Text;
using GraphApi.Core.Interchange;
using GraphApi.Sqlite;

namespace GraphApi.Cli;

/// <summary><c>import --actors a.csv --relationships r.csv [--db path] [--dry-run]</c></summary>
public static class ImportCommand
{
    private const int MaxPrintedErrors = 1000;

    public static async Task<int> RunAsync(CliOptions options, CancellationToken cancellationToken)
    {
        options.AllowOnly("actors", "relationships", "db", "dry-run");
        var actorsPath = options.Get("actors");
        var relationshipsPath = options.Get("relationships");
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
        using var cli = await CliGraph.OpenAsync(options.Get("db"), cancellationToken);
        var graph = cli.Graph;
        var snapshot = graph.Snapshot;
        await Progress($"store {(graph.Store as SqliteGraphStore)?.Path}: {snapshot.ActorCount} actors, {snapshot.RelationshipCount} relationships, version {snapshot.Version}");

        using var actors = Open(actorsPath, GraphCsv.ActorColumns);
        using var relationships = Open(relationshipsPath, GraphCsv.RelationshipColumns);
        var import = await GraphImport.StreamCsvAsync(graph, actors, Name(actorsPath, "actors.csv"), relationships, Name(relationshipsPath, "relationships.csv"),
            new CsvReadOptions { Progress = (file, rows) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {rows:N0} rows read")) },
            options.Has("dry-run"), cancellationToken);
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

    private static Task Progress(FormattableString message) => Console.Error.WriteLineAsync(FormattableString.Invariant(message));

    private static TextReader Open(string? path, IReadOnlyList<string> columns) => path is null
        ? new StringReader(string.Join(',', columns))
        : new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    private static string Name(string? path, string fallback) => path is null ? fallback : Path.GetFileName(path);
}
