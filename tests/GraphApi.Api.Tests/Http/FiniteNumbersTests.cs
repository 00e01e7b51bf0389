using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GraphApi.Http;
using Microsoft.Extensions.Logging;

namespace GraphApi.Api.Tests.Http;

public sealed class FiniteNumbersTests
{
    public sealed record Answer(double Score, double? Error, double? Undefined, double Cost, string Name);

    private static readonly CountingLogger Logger = new();

    private static readonly JsonSerializerOptions WithNet = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(t => FiniteNumbers.OmitNonFinite(t, JsonIgnoreCondition.WhenWritingNull, Logger)),
    };

    private static readonly JsonSerializerOptions WithoutNet = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_non_finite_number_is_left_out_and_logged_and_the_rest_is_written_as_always()
    {
        var json = JsonSerializer.Serialize(new Answer(double.NaN, double.PositiveInfinity, null, 0.25, "x"), WithNet);

        Assert.Equal("""{"cost":0.25,"name":"x"}""", json);
        Assert.Equal(2, Logger.Errors);
    }

    [Fact]
    public void Without_the_net_the_same_answer_cannot_be_written()
    {
        // What the net is for: the writer refuses NaN, and in a streamed answer that is a body cut short.
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(new Answer(double.NaN, null, null, 1, "x"), WithoutNet));
    }

    private sealed class CountingLogger : ILogger
    {
        public int Errors { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Errors += logLevel == LogLevel.Error ? 1 : 0;
    }
}
