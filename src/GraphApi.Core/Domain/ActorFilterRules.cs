namespace GraphApi.Core.Domain;

/// <summary>
/// The one check of an <see cref="ActorFilter"/>: kinds and regions from their catalogues, countries as ISO codes,
/// sectors of sensible length that pass the <see cref="TextRule"/>. A checked filter carries the catalogues' spelling (<c>minicluster</c> → <c>MiniCluster</c>,
/// <c>kr</c> → <c>KR</c>), so equal questions compare and cache equal.
/// </summary>
public static class ActorFilterRules
{
    public const int MaxSectorLength = 100;

    /// <summary>The checked filter, or null with one error per bad field (named <paramref name="prefix"/> + field).</summary>
    public static ActorFilter? Check(ActorFilter filter, Regions regions, ValidationErrors errors, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(errors);
        var mine = new ValidationErrors();
        var checkedFilter = new ActorFilter(
            Known(filter.Kind, ActorKinds.All, prefix + "kind", "kind", mine),
            Country(filter.Country, prefix + "country", mine),
            Known(filter.Region, [.. regions.Names], prefix + "region", "region", mine),
            Sector(filter.Sector, prefix + "sector", mine));
        errors.AddRange(mine);
        return mine.IsEmpty ? checkedFilter : null;
    }

    /// <summary>
    /// Reads the text form <c>field:value[,field:value…]</c> (e.g. <c>region:EU</c>, <c>kind:MiniCluster,region:KR</c>)
    /// and checks it; errors are reported on <paramref name="field"/> as a whole.
    /// </summary>
    public static ActorFilter? Parse(string? text, Regions regions, ValidationErrors errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"is required, as field:value with field one of {Fields} (e.g. region:EU, kind:MiniCluster,region:KR)");
            return null;
        }
        var values = new string?[ActorFields.Names.Count];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var index = colon > 0 && ActorFields.TryParse(part[..colon], out var named) ? (int)named : -1;
            if (colon <= 0 || colon == part.Length - 1)
            {
                errors.Add(field, $"'{part}' must be field:value with field one of {Fields} (e.g. region:EU)");
                return null;
            }
            if (index < 0)
            {
                errors.Add(field, $"'{part[..colon]}' is not an actor field; use one of {Fields}");
                return null;
            }
            if (values[index] is not null)
            {
                errors.Add(field, $"names {ActorFields.Names[index]} twice");
                return null;
            }
            values[index] = part[(colon + 1)..].Trim();
        }
        var inner = new ValidationErrors();
        var filter = Check(new ActorFilter(values[(int)ActorField.Kind], values[(int)ActorField.Country], values[(int)ActorField.Region], values[(int)ActorField.Sector]), regions, inner);
        foreach (var (_, messages) in inner.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }
        return filter;
    }

    private static string Fields => string.Join(", ", ActorFields.Names);

    private static string? Known(string? value, IReadOnlyList<string> allowed, string field, string what, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add(field, $"'{value}' is not a known {what}; use one of {string.Join(", ", allowed)}");
        }
        return match ?? value;
    }

    private static string? Country(string? value, string field, ValidationErrors errors)
    {
        var upper = value?.ToUpperInvariant();
        if (upper is not null && !Countries.IsKnown(upper))
        {
            errors.Add(field, $"'{value}' is not an ISO 3166-1 alpha-2 country code");
        }
        return upper;
    }

    /// <summary>A sector is free text: the text rule applies as to any searched string, and the checked value is NFC like the stored ones.</summary>
    private static string? Sector(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (TextRule.FirstRefusal(value, TextKind.Line) is { } refusal)
        {
            errors.Add(field, refusal);
            return value;
        }
        var normalised = TextRule.Normalise(value);
        var length = normalised.EnumerateRunes().Count();
        if (length is 0 or > MaxSectorLength)
        {
            errors.Add(field, $"must be 1-{MaxSectorLength} characters");
        }
        return normalised;
    }
}
