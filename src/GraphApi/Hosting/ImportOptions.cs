using System.ComponentModel.DataAnnotations;

namespace GraphApi.Hosting;

/// <summary>Limits on POST /api/import. Bound from the "Import" section; larger requests are answered 413.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Largest request body, in bytes (default 50 MB: about 300k actor rows of the seed format).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most actors, and most relationships, one import may carry.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = 500_000;

    /// <summary>A rejected import lists at most this many errors (and says how many there were in all).</summary>
    [Range(1, 100_000)]
    public int MaxReportedErrors { get; set; } = 1000;
}
