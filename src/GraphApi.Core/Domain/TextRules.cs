namespace GraphApi.Core.Domain;

/// <summary>Shared checks for free-text fields: length caps and no control characters.</summary>
internal static class TextRules
{
    public static void Check(ValidationErrors errors, string field, string? value, int max, bool required = false, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "is required and must not be blank");
            }
            return;
        }
        if (value.Length > max)
        {
            errors.Add(field, $"must be at most {max} characters (got {value.Length})");
        }
        if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            errors.Add(field, "must not contain control characters");
        }
        if (value.Any(char.IsSurrogate) && !IsWellFormedUtf16(value))
        {
            errors.Add(field, "contains an unpaired surrogate (invalid Unicode)");
        }
    }

    public static void CheckList(ValidationErrors errors, string field, IReadOnlyList<string>? values, int maxItems, int maxLength)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count > maxItems)
        {
            errors.Add(field, $"must have at most {maxItems} entries (got {values.Count})");
        }
        for (var i = 0; i < values.Count && i < maxItems; i++)
        {
            Check(errors, $"{field}[{i}]", values[i], maxLength, required: true);
        }
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }
                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }
        return true;
    }
}
