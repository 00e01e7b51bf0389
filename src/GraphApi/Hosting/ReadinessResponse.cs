using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphApi.Hosting;

/// <summary>
/// The readiness answer as plain text: the status, and when it is not healthy, why (each failing check's own words),
/// so an operator or a probe's log shows the reason (e.g. a graph behind its store, reloading) without the app's logs.
/// </summary>
internal static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).OfType<string>().ToList();
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reasons.Count == 0 ? report.Status.ToString() : $"{report.Status}: {string.Join("; ", reasons)}");
    }
}
