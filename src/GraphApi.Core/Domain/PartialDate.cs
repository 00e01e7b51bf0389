using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphApi.Core.Domain;

/// <summary>
/// A date known to a year, a year and month, or a full day. The report often says only "in 2015" or
/// "in May 2015"; we keep that precision instead of inventing a day.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate : IComparable<PartialDate>
{
    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), "year must have four digits");
        }
        if (month is < 1 or > 12 || (day is not null && month is null))
        {
            throw new ArgumentOutOfRangeException(nameof(month), "month must be 1-12 and given when a day is");
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), "no such day in that month");
        }
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>The first day the value can mean (2015 → 2015-01-01).</summary>
    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the value can mean (2015 → 2015-12-31).</summary>
    public DateOnly End => Day is not null ? Start
        : Month is not null ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
        : new DateOnly(Year, 12, 31);

    public static bool TryParse(string? text, out PartialDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2))
        {
            return false;
        }
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }
        var year = numbers[0];
        int? month = parts.Length > 1 ? numbers[1] : null;
        int? day = parts.Length > 2 ? numbers[2] : null;
        if (year < 1000 || month is < 1 or > 12 || (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value))))
        {
            return false;
        }
        value = new PartialDate(year, month, day);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public int CompareTo(PartialDate other) => Start.CompareTo(other.Start) is var c && c != 0 ? c : End.CompareTo(other.End);

    public override string ToString() =>
        Day is not null ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : Month is not null ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
        : Year.ToString("D4", CultureInfo.InvariantCulture);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}

public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>, IJsonShape
{
    public const string Expected = "a date of the form YYYY, YYYY-MM or YYYY-MM-DD";

    public string? Check(JsonElement value) =>
        (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var year) && year is >= 1000 and <= 9999)
        || (value.ValueKind == JsonValueKind.String && PartialDate.TryParse(value.GetString(), out _))
            ? null
            : $"must be {Expected}";

    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var year) && year is >= 1000 and <= 9999)
        {
            return new PartialDate(year);
        }
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return PartialDate.TryParse(text, out var value)
            ? value
            : throw new JsonException("expected " + Expected);
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
