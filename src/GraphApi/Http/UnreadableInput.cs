using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GraphApi.Core.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace GraphApi.Http;

/// <summary>
/// Turns the framework's "could not bind a query value" and "could not read the JSON body" failures into errors keyed
/// by the field, in plain words: what the field takes (a whole number, a number, true or false) and its allowed range.
/// The range comes from the <see cref="RangeAttribute"/> on the handler parameter or body property, which also puts it
/// in the OpenAPI document; the handlers check the same range on values that did bind.
/// </summary>
internal static class UnreadableInput
{
    /// <summary>Per-field errors for <paramref name="bad"/>, or null when no field can be named.</summary>
    public static ValidationErrors? Describe(HttpContext context, BadHttpRequestException bad)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return null;
        }
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return bad.InnerException is JsonException body ? Body(context, body, json) : Query(context);
    }

    // The exception handler clears the request's endpoint before it runs; the feature keeps the one that failed.
    private static Endpoint? Endpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    private static ValidationErrors? Query(HttpContext context)
    {
        var parameters = Endpoint(context)?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        var errors = new ValidationErrors();
        foreach (var parameter in parameters)
        {
            var name = parameter.Name;
            if (!context.Request.Query.TryGetValue(name, out var values))
            {
                continue;
            }
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (Kind(type) is not { } kind)
            {
                continue;
            }
            var field = char.ToLowerInvariant(name[0]) + name[1..];
            var range = parameter.ParameterInfo.GetCustomAttribute<RangeAttribute>();
            if (values.Count > 1)
            {
                errors.Add(field, $"give it once, as {Expected(kind, range)}");
            }
            else if (!Parses(kind, values.ToString()))
            {
                errors.Add(field, $"'{values}' is not {Expected(kind, range)}");
            }
        }
        return errors.IsEmpty ? null : errors;
    }

    private static ValidationErrors Body(HttpContext context, JsonException failure, JsonSerializerOptions json)
    {
        var errors = new ValidationErrors();
        var path = failure.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        var where = $"line {(failure.LineNumber ?? 0) + 1}, column {(failure.BytePositionInLine ?? 0) + 1}";
        var requestType = Endpoint(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (path is not null && requestType is not null && Property(json.GetTypeInfo(requestType), path, json) is { } property)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (Kind(type) is { } kind)
            {
                var range = property.AttributeProvider?.GetCustomAttributes(typeof(RangeAttribute), inherit: true).OfType<RangeAttribute>().FirstOrDefault();
                errors.Add(FieldName(path), $"must be {Expected(kind, range)}, written as a JSON {(kind == NumberKind.Boolean ? "literal" : "number (no quotes)")} ({where})");
                return errors;
            }
        }
        errors.Add(path is null ? "body" : FieldName(path), $"could not be read ({where}): {Reason(failure)}");
        return errors;
    }

    /// <summary>"to.kind" stays; list positions ("from[2]") name the list, as the other errors do.</summary>
    private static string FieldName(string path) => string.Join('.', path.Split('.').Select(segment => segment.Split('[')[0]));

    private static JsonPropertyInfo? Property(JsonTypeInfo type, string path, JsonSerializerOptions json)
    {
        JsonPropertyInfo? found = null;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            found = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                return null;
            }
            var next = Nullable.GetUnderlyingType(found.PropertyType) ?? found.PropertyType;
            type = json.GetTypeInfo(next);
            if (segment.Contains('[', StringComparison.Ordinal) && type.ElementType is { } element)
            {
                type = json.GetTypeInfo(element);
            }
        }
        return found;
    }

    /// <summary>The JSON reader's own reason, without its position (given separately) and without .NET type names.</summary>
    private static string Reason(JsonException failure)
    {
        var message = failure.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var reason = cut >= 0 ? message[..cut] : message;
        return reason.Contains("could not be converted to", StringComparison.Ordinal)
            ? "the value is not of the kind this field takes (text, a list or an object: see the OpenAPI document)"
            : reason;
    }

    private enum NumberKind { Whole, Long, Real, Boolean }

    private static NumberKind? Kind(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) => NumberKind.Whole,
        _ when type == typeof(long) => NumberKind.Long,
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => NumberKind.Real,
        _ when type == typeof(bool) => NumberKind.Boolean,
        _ => null,
    };

    private static bool Parses(NumberKind kind, string text) => kind switch
    {
        NumberKind.Whole => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        NumberKind.Long => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        NumberKind.Real => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _),
        _ => bool.TryParse(text, out _),
    };

    private static string Expected(NumberKind kind, RangeAttribute? range) => kind switch
    {
        NumberKind.Boolean => "true or false",
        NumberKind.Whole => $"a whole number {Between(range, int.MinValue, int.MaxValue)}",
        NumberKind.Long => $"a whole number {Between(range, long.MinValue, long.MaxValue)}",
        _ => range is null ? "a finite number" : $"a number {Between(range, 0, 0)}",
    };

    private static string Between(RangeAttribute? range, object min, object max) => range switch
    {
        null => string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}"),
        { MinimumIsExclusive: false, MaximumIsExclusive: false } => string.Create(CultureInfo.InvariantCulture, $"between {range.Minimum} and {range.Maximum}"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{(range.MinimumIsExclusive ? "greater than" : "at least")} {range.Minimum} and {(range.MaximumIsExclusive ? "less than" : "at most")} {range.Maximum}"),
    };
}
