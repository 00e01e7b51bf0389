namespace GraphApi.Core.Storage;

/// <summary>
/// Who is making the current change, carried with the async flow of a request. Stores that keep an audit trail read
/// it while they commit, so the audit row is written in the same transaction as the change it describes without every
/// write method taking an extra parameter.
/// </summary>
public static class ChangeAuthor
{
    /// <summary>Recorded when nobody set an author: start-up seeding, command-line tools, tests driving the store directly.</summary>
    public const string System = "system";

    private static readonly AsyncLocal<string?> Current = new();

    public static string Name => Current.Value ?? System;

    /// <summary>Sets the author for the rest of this async flow (a request, a CLI command).</summary>
    public static void Set(string? name) => Current.Value = name;
}
