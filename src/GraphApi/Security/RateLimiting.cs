using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// One fixed window per caller under /api: a key's name when a valid key was sent (so a key keeps its budget
/// across addresses), otherwise the client address. Refusals are 429 problem+json with Retry-After.
/// </summary>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions limiter, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : options.WindowSeconds;
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await SecurityProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This caller may make {options.PermitLimit} requests per {options.WindowSeconds} s; retry after {seconds} s.").ConfigureAwait(false);
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        var user = context.User.Identity;
        if (!options.Enabled || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || (user?.IsAuthenticated == true && options.ExemptKeys.Contains(user.Name!, StringComparer.Ordinal)))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }
        var caller = user?.IsAuthenticated == true
            ? "key:" + user.Name
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
