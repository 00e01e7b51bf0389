namespace GraphApi.Core.Domain;

/// <summary>A blank required field, said the same way for every record (text fields say it through their <see cref="TextField"/>).</summary>
internal static class Required
{
    /// <summary>Whether <paramref name="field"/> is one of <paramref name="required"/> and blank; then it is reported.</summary>
    public static bool IsMissing(ValidationErrors errors, IReadOnlyList<string> required, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) || !required.Contains(field, StringComparer.Ordinal))
        {
            return false;
        }
        errors.Add(field, "is required and must not be blank");
        return true;
    }
}
