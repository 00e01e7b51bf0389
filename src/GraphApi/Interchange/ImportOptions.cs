using System.ComponentModel.DataAnnotations;

namespace GraphApi.Interchange;

/// <summary>
/// Limits on POST /api/import beyond its body size (Limits:MaxImportBodyBytes, enforced by the security middleware).
/// Bound from the "Import" section; an import over a limit is answered 413.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Most actors, and most relationships, one import may carry.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = 500_000;

    /// <summary>A rejected import lists at most this many errors (and says how many there were in all).</summary>
    [Range(1, 100_000)]
    public int MaxReportedErrors { get; set; } = 1000;
}
