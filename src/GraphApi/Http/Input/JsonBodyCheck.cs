using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GraphApi.Core.Domain;

namespace GraphApi.Http.Input;

/// <summary>
/// Checks a JSON body against the request type it binds to, before binding, and says what is wrong in the caller's
/// terms: malformed JSON with its line and column (under <c>body</c>), unknown fields with the near match
/// (<c>maxhops</c> → <c>maxHops</c>), values of the wrong JSON type with what was expected, closed-set values not in
/// their set. Errors are keyed by the field's path (<c>to.kind</c>, <c>relationshipTypes[1]</c>). Types whose JSON
/// form is their own (a converter that implements <see cref="IJsonShape"/>) check themselves. Closed-set values sent in
/// another case are collected with their set's spelling, for <see cref="JsonBodyRewrite"/> to put in the body.
/// </summary>
public sealed class JsonBodyCheck(JsonSerializerOptions options, ClosedSets sets)
{
    public const string BodyField = "body";

    /// <param name="refuseOutsideSets">False for operations whose rules refuse closed-set values themselves (<see cref="ClosedSetsCheckedByOperation"/>).</param>
    /// <returns>The closed-set values to respell (by field path), empty when every value is in its set's spelling.</returns>
    public IReadOnlyDictionary<string, string> Check(ReadOnlyMemory<byte> body, Type type, ValidationErrors errors, bool refuseOutsideSets = true)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(errors);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException malformed)
        {
            errors.Add(BodyField, Malformed(malformed));
            return new Dictionary<string, string>();
        }
        var respell = new Dictionary<string, string>(StringComparer.Ordinal);
        // Values outside a set are the operation's to refuse: they are checked here into a list nobody reads.
        var setErrors = refuseOutsideSets ? errors : new ValidationErrors();
        using (document)
        {
            CheckValue(document.RootElement, type, "", null, new Findings(errors, setErrors, respell));
        }
        return respell;
    }

    /// <summary>Where the JSON broke and why, in words of our own (the parser's messages speak of its reader options).</summary>
    private static string Malformed(JsonException malformed)
    {
        var message = malformed.Message;
        var reason = Reasons.FirstOrDefault(r => message.Contains(r.Fragment, StringComparison.OrdinalIgnoreCase)).Reason ?? "it cannot be read here";
        return $"is not valid JSON: {reason} (line {(malformed.LineNumber ?? 0) + 1}, column {(malformed.BytePositionInLine ?? 0) + 1})";
    }

    private static readonly (string Fragment, string Reason)[] Reasons =
    [
        ("trailing comma", "a comma before a closing bracket or brace"),
        ("comment", "comments are not allowed"),
        ("maximum configured depth", "it is nested more than 64 levels deep"),
        ("invalid start of a value", "a value was expected"),
        ("invalid start of a property name", "a field name in double quotes was expected"),
        ("after a value", "a comma or a closing bracket or brace was expected"),
        ("after a property name", "a colon was expected after the field name"),
        ("end of data", "it ends too early"),
        ("depth to be zero", "it ends too early"),
        ("invalid end of a number", "a number is malformed"),
        ("within a number", "a number is malformed"),
        ("invalid escapable character", "a string has an unknown escape sequence"),
        ("control character", "a string holds a control character that must be escaped"),
        ("invalid utf-8", "the bytes are not UTF-8"),
        ("surrogate", "a string holds an unpaired surrogate escape"),
        ("empty", "the body is empty"),
        ("must contain a value", "the body is empty"),
        ("'", "an unexpected character"),
    ];

    private void CheckValue(JsonElement value, Type type, string path, ICustomAttributeProvider? member, Findings found)
    {
        var field = path.Length == 0 ? BodyField : path;
        var underlying = Nullable.GetUnderlyingType(type);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (underlying is null && type.IsValueType)
            {
                found.Errors.Add(field, "must not be null");
            }
            return;
        }
        type = underlying ?? type;
        var info = options.GetTypeInfo(type);
        if (info.Converter is IJsonShape shape)
        {
            if (shape.Check(value) is { } problem)
            {
                found.Errors.Add(field, problem);
            }
            return;
        }
        if (member?.GetCustomAttributes(typeof(OneOfAttribute), true).FirstOrDefault() is OneOfAttribute oneOf && value.ValueKind == JsonValueKind.String)
        {
            var set = sets[oneOf.Set];
            var given = value.GetString()!;
            if (set.Canonical(given) is not { } canonical)
            {
                found.OutsideSets.Add(field, set.Refusal(given));
            }
            else if (!string.Equals(canonical, given, StringComparison.Ordinal))
            {
                found.Respell[field] = canonical;
            }
            return;
        }
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(value, info, path, found);
                return;
            case JsonTypeInfoKind.Enumerable when info.ElementType is { } element:
                CheckList(value, element, path, member, found);
                return;
            case JsonTypeInfoKind.Dictionary when info.ElementType is { } element:
                CheckDictionary(value, element, path, found);
                return;
            default:
                if (JsonKinds.Problem(value, type) is { } problem)
                {
                    found.Errors.Add(field, problem);
                }
                return;
        }
    }

    private void CheckObject(JsonElement value, JsonTypeInfo info, string path, Findings found)
    {
        var field = path.Length == 0 ? BodyField : path;
        var names = info.Properties.Where(p => p.Get is not null || p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name).ToList();
        if (value.ValueKind != JsonValueKind.Object)
        {
            found.Errors.Add(field, $"must be a JSON object with the fields {string.Join(", ", names)} (got {JsonKinds.Describe(value)})");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                found.Errors.Add(childPath, "is given more than once; give each field once");
                continue;
            }
            var known = info.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
            if (known is null)
            {
                found.Errors.Add(childPath, $"is not a field of this object{NearMatch.Hint(property.Name, names)} (its fields are {string.Join(", ", names)})");
                continue;
            }
            CheckValue(property.Value, known.PropertyType, childPath, known.AttributeProvider, found);
        }
    }

    private void CheckList(JsonElement value, Type element, string path, ICustomAttributeProvider? member, Findings found)
    {
        var field = path.Length == 0 ? BodyField : path;
        if (value.ValueKind == JsonValueKind.String && member?.GetCustomAttributes(typeof(OneOrManyAttribute), true).Length > 0)
        {
            CheckValue(value, element, field, member, found);
            return;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            found.Errors.Add(field, $"must be a list (a JSON array){(member?.GetCustomAttributes(typeof(OneOrManyAttribute), true).Length > 0 ? " or a single value" : "")} (got {JsonKinds.Describe(value)})");
            return;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            CheckValue(item, element, $"{field}[{index++}]", member, found);
        }
    }

    private void CheckDictionary(JsonElement value, Type element, string path, Findings found)
    {
        var field = path.Length == 0 ? BodyField : path;
        if (value.ValueKind != JsonValueKind.Object)
        {
            found.Errors.Add(field, $"must be a JSON object (got {JsonKinds.Describe(value)})");
            return;
        }
        foreach (var property in value.EnumerateObject())
        {
            CheckValue(property.Value, element, $"{field}.{property.Name}", null, found);
        }
    }

    /// <summary>What a check finds: errors, closed-set values outside their set (errors too, unless the operation checks them), respellings.</summary>
    private sealed record Findings(ValidationErrors Errors, ValidationErrors OutsideSets, Dictionary<string, string> Respell);
}
