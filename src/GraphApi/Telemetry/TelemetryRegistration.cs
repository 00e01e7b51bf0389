using System.Diagnostics.Metrics;
using GraphApi.Core.Telemetry;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GraphApi.Telemetry;

/// <summary>
/// Metrics and traces behind two calls: <c>builder.AddGraphApiTelemetry()</c> and <c>app.MapGraphApiMetrics()</c>.
/// OpenTelemetry listens to the core's meter and activity source (<see cref="GraphTelemetry"/>), ASP.NET Core's
/// (requests by route: <c>http.server.request.duration</c>), the HTTP client's and the runtime's; it exports by OTLP
/// when an endpoint is configured and serves the Prometheus text at <c>/metrics</c> (admin role: AccessRules).
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>Where Prometheus scrapes; AccessRules asks the admin role for it.</summary>
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddGraphApiTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The JSON console lines are there whether or not metrics are: choosing them is a logging setting.
        builder.Logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        builder.Services.AddSingleton(sp => new GraphMetrics(sp.GetRequiredService<IMeterFactory>()));
        builder.Services.AddSingleton<HttpMetrics>();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return builder;
        }
        var otlp = OtlpEndpoint(options, builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(options.ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(GraphTelemetry.Name, HttpMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation();
            if (options.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => Configure(o, otlp, options, "v1/metrics"));
            }
        });
        if (options.Traces ?? otlp is not null)
        {
            telemetry.WithTracing(traces =>
            {
                traces.AddSource(GraphTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrapeOrProbe(context))
                    .AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    traces.AddOtlpExporter(o => Configure(o, otlp, options, "v1/traces"));
                }
            });
        }
        return builder;
    }

    /// <summary>
    /// Serves the Prometheus text, outside the API description (it is not JSON, and not an operation of the API).
    /// Who may read it is decided with everything else, in AccessRules (admin).
    /// </summary>
    public static WebApplication MapGraphApiMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        if (options.Enabled && options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
            // The gauges and counters count the whole service, every workspace's writes included: operators only.
            app.Use((context, next) =>
                context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase) && Workspaces.CallerGraph.WorkspaceOf(context.User) is not null
                    ? throw new Workspaces.WorkspaceForbiddenException("Only an admin whose key is bound to no workspace may read the metrics: they count the whole service.")
                    : next(context));
        }
        return app;
    }

    /// <summary>A scrape of /metrics or a health probe: many a minute, and nothing an operator wants a trace of.</summary>
    private static bool IsScrapeOrProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <param name="standard">The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable, used when the section names none.</param>
    private static Uri? OtlpEndpoint(TelemetryOptions options, string? standard)
    {
        var configured = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? standard : options.OtlpEndpoint;
        return string.IsNullOrWhiteSpace(configured) ? null : new Uri(configured, UriKind.Absolute);
    }

    /// <param name="signalPath">Where the signal goes under an HTTP collector's address (<c>v1/traces</c>, <c>v1/metrics</c>).</param>
    private static void Configure(OtlpExporterOptions otlp, Uri endpoint, TelemetryOptions options, string signalPath)
    {
        otlp.Protocol = string.Equals(options.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        // An endpoint set in code is used as it is: over HTTP, a bare collector address gets the signal's path.
        otlp.Endpoint = otlp.Protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/"
            ? new Uri(endpoint, signalPath)
            : endpoint;
    }
}
