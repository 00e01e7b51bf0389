using System.Text;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Tests.Interchange;

/// <summary>
/// The character-by-character RFC 4180 reader the import used before it read with Sep, kept as the reference the
/// Sep-based <see cref="CsvReader"/> is compared with on random files: same records, same lines, same errors.
/// </summary>
internal static class ReferenceCsvReader
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
}
