using System.Text;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

public static partial class GraphCsv
{
    /// <summary>One file's rows: parsed, checked on their own and against the batch, and handed on while all is well.</summary>
    private sealed class FileRead(List<CsvError> errors, CsvReadOptions options)
    {
        /// <param name="check">The batch checks for a row at a line; returns the problems found (a list it reuses).</param>
        /// <returns>Whether every row could be read (bad quoting stops the file; a wrong field count loses a row).</returns>
        public bool Rows<T>(TextReader reader, string file, string[] required, Func<Row, ValidationErrors, T> parse,
            Func<T, int, List<BatchProblem>> check, Action<T> accept)
        {
            var errorsBefore = errors.Count;
            var rows = 0;
            var lastLine = 1;
            try
            {
                using var records = CsvReader.Read(reader, file, errors).GetEnumerator();
                if (!records.MoveNext())
                {
                    errors.Add(new CsvError(file, 1, null, "the file is empty: a header row is required"));
                    return false;
                }
                var header = records.Current.Fields.Select(h => h.Trim()).ToArray();
                var columns = ReadHeader(header, file, required, errors);
                if (columns is null)
                {
                    return false;
                }
                while (records.MoveNext())
                {
                    var record = records.Current;
                    lastLine = record.Line;
                    if (rows >= options.MaxRows)
                    {
                        throw new ImportLimitException($"{file} has more than {options.MaxRows} rows, the most one import may carry");
                    }
                    if (record.Fields.Count != header.Length)
                    {
                        errors.Add(new CsvError(file, record.Line, null, $"has {record.Fields.Count} fields but the header has {header.Length}"));
                        continue;
                    }
                    ReadRow(record, columns, file, parse, check, accept);
                    if (++rows % options.ProgressEvery == 0)
                    {
                        options.Progress?.Invoke(file, rows);
                    }
                }
            }
            catch (DecoderFallbackException)
            {
                // Silently replacing bad bytes would store mangled names. The reader runs ahead of the record, so the
                // line is where the bad bytes may start, not necessarily where they are.
                errors.Add(new CsvError(file, lastLine + 1, null, "invalid UTF-8 at or after this line: save the file as CSV UTF-8"));
                return false;
            }
            return errors.Count == errorsBefore || errors.Skip(errorsBefore).All(e => e.Column is not null);
        }

        private void ReadRow<T>(CsvRecord record, Dictionary<string, int> columns, string file, Func<Row, ValidationErrors, T> parse,
            Func<T, int, List<BatchProblem>> check, Action<T> accept)
        {
            var rowErrors = new ValidationErrors();
            var value = parse(new Row(record.Fields, columns), rowErrors);
            // Most rows are clean: skip the copy ToDictionary makes.
            if (!rowErrors.IsEmpty)
            {
                foreach (var (field, messages) in rowErrors.ToDictionary())
                {
                    errors.AddRange(messages.Select(m => new CsvError(file, record.Line, ColumnFor(field), m)));
                }
            }
            var problems = check(value, record.Line);
            foreach (var problem in problems)
            {
                var message = problem.FirstIndex is { } first ? $"{problem.Message} (first on line {first})" : problem.Message;
                errors.Add(new CsvError(file, record.Line, problem.Field, message));
            }
            problems.Clear();
            if (errors.Count == 0)
            {
                accept(value);
            }
        }
    }
}
