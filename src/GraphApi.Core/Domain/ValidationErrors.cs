namespace GraphApi.Core.Domain;

/// <summary>Per-field error messages, keyed by the JSON field name the caller sent (e.g. "kind", "evidence.quote").</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Adds every message of <paramref name="other"/>, under the same fields.</summary>
    public void AddRange(ValidationErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    /// <summary>Refuses the request (a 400 listing every field) when any error was found.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new DomainValidationException(this);
        }
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() => string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}

/// <summary>Thrown by the write path when input breaks a domain rule; the API turns it into a 400.</summary>
public sealed class DomainValidationException(ValidationErrors errors)
    : Exception("The input breaks the domain rules: " + errors)
{
    public ValidationErrors Errors { get; } = errors;
}
