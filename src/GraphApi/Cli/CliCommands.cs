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

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "export";

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliDefinition.Build(GuardAsync).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }
            await Console.Error.WriteLineAsync($"See: GraphApi {args[0]} --help");
            return UsageError;
        }
        // Ctrl+C cancels the token the verb runs with (an import then writes nothing) instead of killing it mid-write.
        return await parsed.InvokeAsync();
    }

    /// <summary>Runs a verb and turns what can go wrong into a message on stderr and its exit code.</summary>
    private static async Task<int> GuardAsync(Func<CancellationToken, Task<int>> verb, CancellationToken cancellationToken)
    {
        try
        {
            return await verb(cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
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
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class CliUsageException(string message) : Exception(message);
