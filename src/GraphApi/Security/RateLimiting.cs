using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// One fixed window per caller under /api: a key's name when a valid key was sent (so a key keeps its budget
/// across addresses), otherwise the client address. Anonymous callers have a second, smaller window for the costly
/// questions (analyses, the overview and exports with analysis columns) on top of it; keyed callers do not. Refusals
/// are 429 problem+json with Retry-After.
/// </summary>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions limiter, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => AnonymousAnalysisPartition(context, options)));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : options.WindowSeconds;
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            rejected.HttpContext.RequestServices.GetService<GraphApi.Telemetry.HttpMetrics>()?.RateLimited(IsAnonymousAnalysis(rejected.HttpContext));
            var budget = IsAnonymousAnalysis(rejected.HttpContext)
                ? $"Without an API key, a caller may make {options.AnonymousAnalysisPermitLimit} requests for analyses, overviews and " +
                  $"exports with analysis columns per {options.WindowSeconds} s, within {options.PermitLimit} requests of any kind; a key has a budget of its own"
                : $"This caller may make {options.PermitLimit} requests per {options.WindowSeconds} s";
            await SecurityProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"{budget}; retry after {seconds} s.").ConfigureAwait(false);
        };
    }

    /// <summary>The smaller window of anonymous callers for costly questions; no limit for anything else or any keyed caller.</summary>
    private static RateLimitPartition<string> AnonymousAnalysisPartition(HttpContext context, RateLimitOptions options) =>
        options.Enabled && IsAnonymousAnalysis(context)
            ? RateLimitPartition.GetFixedWindowLimiter("analysis-ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.AnonymousAnalysisPermitLimit,
                Window = TimeSpan.FromSeconds(options.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter("unlimited");

    /// <summary>An anonymous request that may start an analysis: /api/analysis…, /api/overview, or an export with analysis columns.</summary>
    private static bool IsAnonymousAnalysis(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return false;
        }
        var path = context.Request.Path;
        return path.StartsWithSegments("/api/analysis", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/overview", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/api/export", StringComparison.OrdinalIgnoreCase)
                && context.Request.Query.Any(q => string.Equals(q.Key, "analysis", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(q.Value)));
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        var user = context.User.Identity;
        if (!options.Enabled || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            // Exempt are keys by name, never a token whose subject happens to spell one.
            || (user?.IsAuthenticated == true && user.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName
                && options.ExemptKeys.Contains(user.Name!, StringComparer.Ordinal)))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }
        var caller = user?.IsAuthenticated == true
            ? (user.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? "key:" : "token:") + user.Name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
