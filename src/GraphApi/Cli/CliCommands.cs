using GraphApi.Core.Interchange;
using GraphApi.Core.Storage;

namespace GraphApi.Cli;

/// <summary>
/// The command-line verbs. Exit codes: 0 done; 1 the data was rejected (errors listed on stderr, nothing written)
/// or exceeded a limit; 2 the command itself was wrong (unknown option, missing file), the store was unavailable,
/// or the run was cancelled.
/// </summary>
public static class CliCommands
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int UsageError = 2;

    public const string Usage = """
        Usage:
          GraphApi import [--actors actors.csv] [--relationships relationships.csv] [--db path] [--dry-run]
          GraphApi export --format graphml|gexf|cytoscape|csv|json [--out file] [--db path]
                          [--part actors|relationships] [--gexf-version 1.3|1.2draft] [--ids a,b] [--actor id --depth 1..3]
                          [--kind K] [--country CC] [--region R] [--sector S] [--analysis degree,...]

        Works on the embedded SQLite store (Sqlite:Path from appsettings, or --db) without the server running.
        Relative paths are resolved from the working directory: under `dotnet run --project src/GraphApi` that is
        src/GraphApi, so pass absolute paths (e.g. "$PWD/cypher/seed/actors.csv").
        import: seed-format CSV files, upserted by id in one transaction; progress on stderr every 10,000 rows.
        export: to --out, or to standard output; format=csv without --part writes a zip of both files.
        Exit codes: 0 done, 1 data rejected (nothing written), 2 wrong usage, missing file or store unavailable.
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "export";

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        // Ctrl+C cancels the work (an import then writes nothing) instead of killing the process mid-write.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var options = CliOptions.Parse(args.AsSpan(1));
            if (options.Has("help"))
            {
                await Console.Out.WriteLineAsync(Usage);
                return Ok;
            }
            return args[0] == "import"
                ? await ImportCommand.RunAsync(options, cancel.Token)
                : await ExportCommand.RunAsync(options, cancel.Token);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}{Environment.NewLine}{Environment.NewLine}{Usage}");
            return UsageError;
        }
        catch (Exception ex) when (ex is StoreException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return UsageError;
        }
        catch (ImportLimitException ex)
        {
            await Console.Error.WriteLineAsync($"rejected: {ex.Message}");
            return Rejected;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled; nothing was written");
            return UsageError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class CliUsageException(string message) : Exception(message);
