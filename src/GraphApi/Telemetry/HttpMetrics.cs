using System.Diagnostics.Metrics;

namespace GraphApi.Telemetry;

/// <summary>
/// Instruments of the HTTP layer that ASP.NET Core's own do not give under our names: rate-limit refusals, by the
/// window that refused (a caller's budget, or anonymous callers' smaller budget for costly questions).
/// </summary>
public sealed class HttpMetrics
{
    public const string MeterName = "GraphApi.Http";

    private readonly Counter<long> _rateLimited;

    public HttpMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _rateLimited = meter.CreateCounter<long>("graphapi.rate_limit.rejections", "{request}",
            "Requests refused with 429 by a rate limit, by window: caller (any request) or anonymous_analysis (costly questions without a key).");
    }

    public void RateLimited(bool anonymousAnalysis) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("graphapi.rate_limit.window", anonymousAnalysis ? "anonymous_analysis" : "caller"));
}
