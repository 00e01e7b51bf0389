using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;

namespace GraphApi.Http;

/// <summary>
/// The safety net behind the input bounds. JSON has no NaN or infinity, and System.Text.Json throws when asked to write
/// one, which in a streamed answer happens after the status line and headers are sent: the caller would get a body cut
/// short. The bounds and the cost arithmetic keep every number finite; should one slip through anyway, the number
/// property holding it is left out of the answer ("no value", as an undefined measure already is; never a made-up
/// number) and an error is logged, so the answer stays well-formed and the bug gets seen.
/// </summary>
/// <remarks>
/// A modifier of the serializer's contract rather than a converter: a custom converter for double would turn every
/// number in the OpenAPI document into an untyped schema. The only list of numbers in an answer (the overview's
/// positions) is checked where it is made (OverviewCache).
/// </remarks>
public static partial class FiniteNumbers
{
    public static IServiceCollection AddFiniteJsonNumbers(this IServiceCollection services)
    {
        services.AddOptions<JsonOptions>().Configure<ILoggerFactory>((json, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(FiniteNumbers).FullName!);
            var options = json.SerializerOptions;
            options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(type => OmitNonFinite(type, options.DefaultIgnoreCondition, logger));
        });
        return services;
    }

    /// <summary>Leaves out a double property whose value is NaN or infinite; null (for double?) follows the options' ignore condition.</summary>
    public static void OmitNonFinite(JsonTypeInfo type, JsonIgnoreCondition ignore, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(type);
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(double) && property.PropertyType != typeof(double?))
            {
                continue;
            }
            // Setting ShouldSerialize replaces the ignore condition, so null is judged here as the options would.
            var owner = type.Type.Name;
            var name = property.Name;
            property.ShouldSerialize = (_, value) => value switch
            {
                null => ignore is not (JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault),
                double number when !double.IsFinite(number) => Omitted(logger, owner, name, number),
                _ => true,
            };
        }
    }

    private static bool Omitted(ILogger logger, string owner, string property, double value)
    {
        NonFinite(logger, owner, property, value);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Owner}.{Property} held the non-finite number {Value} and was left out of the answer: an input bound or a computation lets it through")]
    private static partial void NonFinite(ILogger logger, string owner, string property, double value);
}
