using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace GraphApi.Telemetry;

/// <summary>
/// One JSON object per line for log shippers (Loki, Elastic, CloudWatch), chosen with
/// <c>Logging:Console:FormatterName=graphapi-json</c>. Unlike the built-in <c>json</c> formatter, the trace and span
/// ids of the current span are top-level fields (<c>traceId</c>, <c>spanId</c>, as in OpenTelemetry's log model), so
/// a line joins its trace without digging through scopes; the message's named values go under <c>attributes</c>.
/// The console logger calls <see cref="Write"/> on the logging thread, so <see cref="Activity.Current"/> is the span
/// the line was logged in.
/// </summary>
public sealed class JsonLineFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "graphapi-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(logEntry.LogLevel));
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0 || logEntry.EventId.Name is not null)
            {
                json.WriteNumber("eventId", logEntry.EventId.Id);
                if (logEntry.EventId.Name is { } name)
                {
                    json.WriteString("eventName", name);
                }
            }
            json.WriteString("message", message ?? "");
            if (Activity.Current is { } span)
            {
                json.WriteString("traceId", span.TraceId.ToHexString());
                json.WriteString("spanId", span.SpanId.ToHexString());
            }
            WriteAttributes(json, logEntry.State);
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", exception.ToString());
            }
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    /// <summary>The values named in the message template (<c>{Version}</c> → <c>"Version": 12</c>), without the template itself.</summary>
    private static void WriteAttributes<TState>(Utf8JsonWriter json, TState state)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values || values.Count == 0)
        {
            return;
        }
        var started = false;
        foreach (var (key, value) in values)
        {
            if (key == "{OriginalFormat}")
            {
                continue;
            }
            if (!started)
            {
                json.WriteStartObject("attributes");
                started = true;
            }
            WriteValue(json, key, value);
        }
        if (started)
        {
            json.WriteEndObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case ulong u:
                json.WriteNumber(key, u);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(key, d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumber(key, f);
                break;
            case decimal m:
                json.WriteNumber(key, m);
                break;
            default:
                json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        LogLevel.Critical => "Critical",
        _ => "None",
    };
}
