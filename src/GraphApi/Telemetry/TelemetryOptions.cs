namespace GraphApi.Telemetry;

/// <summary>
/// Metrics and traces, bound from the "Telemetry" section (docs/telemetry.md). Read once when the host is built:
/// a change needs a restart.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>False registers no instrument listener, no exporter and no /metrics: the figures cost nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The <c>service.name</c> resource attribute every span and metric carries.</summary>
    public string ServiceName { get; set; } = "graphapi";

    /// <summary>Serves the Prometheus text at <c>/metrics</c> (admin role needed, like the audit log).</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>
    /// An OTLP collector (e.g. <c>http://otel-collector:4317</c>): traces and metrics are pushed there. Empty falls back
    /// to the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable; with neither, nothing is pushed.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (the default, port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>
    /// Records spans. Null (the default) records them when an OTLP endpoint is set, as nothing else would read them;
    /// true records them anyway (a test's in-memory exporter), false never.
    /// </summary>
    public bool? Traces { get; set; }
}
