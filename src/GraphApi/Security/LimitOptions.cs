using System.ComponentModel.DataAnnotations;

namespace GraphApi.Security;

/// <summary>Per-caller request budget. Bound from the "RateLimit" section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests one caller (a key, or a client IP without a key) may make per window under /api.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>
    /// Requests an anonymous caller (a client IP without a key) may make per window for analyses (/api/analysis…), the
    /// overview and exports with analysis columns, within <see cref="PermitLimit"/>. Each distinct question there may
    /// cost seconds of every core; keyed callers are not held to it.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnonymousAnalysisPermitLimit { get; set; } = 60;

    /// <summary>Key names never limited: automation such as a load test or a nightly import.</summary>
    public List<string> ExemptKeys { get; set; } = [];
}

/// <summary>Request body caps. Bound from the "Limits" section.</summary>
public sealed class BodyLimitOptions
{
    public const string Section = "Limits";

    /// <summary>The cap on any request body except imports: far above any real actor or relationship (1 MB).</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 1L << 20;

    /// <summary>Paths whose bodies may be larger (bulk imports), with their own cap.</summary>
    public List<string> LargeBodyPrefixes { get; set; } = ["/api/import"];

    [Range(1024, 1L << 32)]
    public long MaxImportBodyBytes { get; set; } = 100L << 20;
}

/// <summary>Which browser origins may call the API. Bound from the "Cors" section; empty means same-origin only.</summary>
public sealed class CorsOptions
{
    public const string Section = "Cors";

    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>The Content-Security-Policy sent with every response. Bound from the "SecurityHeaders" section.</summary>
public sealed class SecurityHeaderOptions
{
    public const string Section = "SecurityHeaders";

    /// <summary>
    /// Scripts only from our own files (the explorer ships its JS in wwwroot, no inline script); inline styles allowed
    /// because Cytoscape and Swagger UI set style attributes; images may be data:/blob: URLs (graph snapshots).
    /// </summary>
    [Required]
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
