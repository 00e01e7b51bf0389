using System.Text;

namespace GraphApi.Core.Interchange;

/// <summary>One parsed CSV record and the physical line it started on (1-based, header is line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A problem located in a file, precisely enough for a person to fix it in a spreadsheet.</summary>
public sealed record CsvError(string File, int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Column}: {Message}";
}

/// <summary>
/// A strict RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and line breaks.
/// Strict because a silently mis-split row in a relationship file would create ties nobody stated.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, string fileName, List<CsvError> errors)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var afterQuote = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    if (!(fields.Count == 1 && fields[0].Length == 0))
                    {
                        yield return new CsvRecord(recordLine, [.. fields]);
                    }
                    fields.Clear();
                    line++;
                    recordLine = line;
                    any = false;
                    break;
                case '"' when field.Length == 0 && !afterQuote:
                    inQuotes = true;
                    break;
                default:
                    if (afterQuote || ch == '"')
                    {
                        errors.Add(new CsvError(fileName, line, null, $"bad quoting in field {fields.Count + 1}: a quote must open the field and quotes inside it must be doubled"));
                        yield break;
                    }
                    field.Append(ch);
                    break;
            }
        }
        if (inQuotes)
        {
            errors.Add(new CsvError(fileName, recordLine, null, "a quoted field is never closed"));
            yield break;
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, [.. fields]);
        }
    }

    /// <summary>Quotes a value when it needs it, for writers of the same format.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
