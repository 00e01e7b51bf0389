using System.Globalization;
using GraphApi.Core.Domain;
using Microsoft.Extensions.Primitives;

namespace GraphApi.Http.Input;

/// <summary>
/// Checks a request's query string against what its operation declares: every name known (a near match suggested
/// otherwise), each given once, numbers and booleans readable and finite, closed-set values known in any case. Values
/// of closed sets come back in the set's spelling, so handlers and caches see one form of each question.
/// </summary>
public static class QueryCheck
{
    /// <returns>The query with closed-set values in their canonical spelling, or null when nothing needed rewriting.</returns>
    public static QueryString? Check(IQueryCollection query, IReadOnlyList<QueryParameter> declared, ClosedSets sets, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(errors);
        var rewritten = new List<KeyValuePair<string, string?>>();
        var changed = false;
        foreach (var (name, values) in query)
        {
            var parameter = declared.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                errors.Add(name, Unknown(name, declared));
                continue;
            }
            if (values.Count > 1)
            {
                errors.Add(parameter.Name, $"is given {values.Count} times; give it once{(parameter.OneOf?.List == true ? " (a list is comma-separated)" : "")}");
                continue;
            }
            var value = values.ToString();
            var canonical = CheckValue(parameter, value, sets, errors);
            changed |= canonical != value;
            rewritten.Add(new(name, canonical));
        }
        return changed && errors.IsEmpty ? QueryString.Create(rewritten) : null;
    }

    private static string Unknown(string name, IReadOnlyList<QueryParameter> declared) => declared.Count == 0
        ? "is not a parameter of this operation, which takes none"
        : $"is not a parameter of this operation{NearMatch.Hint(name, declared.Select(p => p.Name))} (it takes {string.Join(", ", declared.Select(p => p.Name))})";

    private static string CheckValue(QueryParameter parameter, string value, ClosedSets sets, ValidationErrors errors)
    {
        if (value.Length == 0)
        {
            return value; // binds as "not given", which is what an empty form field means
        }
        switch (parameter.Kind)
        {
            case QueryValueKind.WholeNumber when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) || whole is < int.MinValue or > int.MaxValue:
                errors.Add(parameter.Name, $"must be a whole number (got '{Shorten(value)}')");
                return value;
            case QueryValueKind.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number):
                errors.Add(parameter.Name, $"must be a finite number such as 0.5 (got '{Shorten(value)}')");
                return value;
            case QueryValueKind.Boolean when !bool.TryParse(value, out _):
                errors.Add(parameter.Name, $"must be true or false (got '{Shorten(value)}')");
                return value;
        }
        return parameter.OneOf is { } oneOf ? Canonical(parameter.Name, value, sets[oneOf.Set], oneOf.List, errors) : value;
    }

    private static string Canonical(string name, string value, ClosedSet set, bool list, ValidationErrors errors)
    {
        var items = list ? value.Split(',', StringSplitOptions.TrimEntries) : [value];
        var spelled = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (set.Canonical(items[i]) is { } canonical)
            {
                spelled[i] = canonical;
            }
            else
            {
                errors.Add(name, set.Refusal(items[i]));
                return value;
            }
        }
        return string.Join(',', spelled);
    }

    private static string Shorten(StringValues value)
    {
        var text = value.ToString();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
