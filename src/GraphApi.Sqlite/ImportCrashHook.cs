using System.Diagnostics;
using System.Globalization;

namespace GraphApi.Sqlite;

/// <summary>
/// Test-only: the durability tests set <see cref="Variable"/> to N to have the process kill itself with SIGKILL (what a
/// power cut does to it) right after the N-th row of a bulk write has gone into its still-open transaction, the API's
/// import and the CLI's alike, so they can show that an import cut off mid-commit leaves nothing behind. Unset, as it
/// always is outside those tests, it costs one comparison per row.
/// </summary>
internal static class ImportCrashHook
{
    public const string Variable = "GRAPHAPI_TEST_KILL_AT_IMPORT_ROW";

    private static readonly int KillAtRow =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;

    /// <summary>Called with the rows written so far by one bulk write.</summary>
    public static void AfterRow(int rows)
    {
        if (rows == KillAtRow)
        {
            Console.Error.WriteLine($"{Variable}: killing the process after row {rows} of an import, its transaction still open");
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
