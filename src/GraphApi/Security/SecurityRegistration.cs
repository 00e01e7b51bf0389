using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// Everything issue 8 adds to the host, behind two calls: <c>builder.Services.AddGraphApiSecurity()</c> and
/// <c>app.UseGraphApiSecurity()</c> (right after the exception handler and status-code pages).
/// </summary>
public static class SecurityRegistration
{
    public const string CorsPolicy = "frontends";

    public static IServiceCollection AddGraphApiSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BodyLimitOptions>().BindConfiguration(BodyLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorsOptions>().BindConfiguration(CorsOptions.Section);
        services.AddOptions<SecurityHeaderOptions>().BindConfiguration(SecurityHeaderOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<AccessRules>();
        services.AddHostedService<ApiKeyAnnouncer>();
        services.AddAuthentication(BearerTokenRegistration.CallerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddBearerTokens();
        services.AddAuthorizationBuilder()
            // Reads and writes are gated by AccessMiddleware (AccessRules); only the admin-only groups name a policy.
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IServiceProvider>(RateLimiting.Configure);
        // Kestrel's own cap is the largest any path allows; RequestBodyLimit narrows it per request.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<BodyLimitOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(limits.Value.MaxRequestBodyBytes, limits.Value.MaxImportBodyBytes));
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<CorsOptions>>((cors, origins) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. origins.Value.AllowedOrigins])
                .WithMethods("GET", "POST", "PUT", "DELETE")
                // Conditional requests need their headers allowed: If-None-Match to revalidate, If-Match to update safely.
                .WithHeaders(ApiKeyAuthenticationHandler.HeaderName, "Authorization", "Content-Type", "If-Match", "If-None-Match")
                .WithExposedHeaders("ETag", "Location", "Retry-After", "Link")));

        return services;
    }

    public static WebApplication UseGraphApiSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<VaryByOrigin>();
        app.UseCors(CorsPolicy);
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<AccessMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
