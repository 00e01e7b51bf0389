using System.Globalization;
using System.Text;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

/// <summary>The parsed content of an actors file and a relationships file, with every problem found.</summary>
/// <param name="Actors">The rows read; when there are errors, only those before the first one (nothing is to be applied then).</param>
public sealed record CsvGraph(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships, IReadOnlyList<CsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Where a streamed read hands each checked row: every actor first, then every relationship, in file order.</summary>
public interface IGraphRowSink
{
    void Add(Actor actor);

    void Add(Relationship relationship);
}

/// <summary>
/// Reads the seed format (<c>cypher/seed/actors.csv</c>, <c>relationships.csv</c>): the same files Neo4j's
/// LOAD CSV reads. Lists are '|'-separated. Columns are found by header name, so their order is free.
/// </summary>
public static class GraphCsv
{
    public static readonly IReadOnlyList<string> ActorColumns =
        ["id", "name", "aliases", "kind", "country", "city", "sectors", "website", "description", "sources"];

    public static readonly IReadOnlyList<string> RelationshipColumns =
    [
        "id", "source", "target", "type", "since", "until", "strength", "eventName", "eventDate", "eventPlace", "note",
        "evidenceDocument", "evidenceSection", "evidenceQuote", "inferred",
    ];

    // A file's rows carry their ids; the other required columns are the records' required fields.
    private static readonly string[] RequiredActorColumns = ["id", .. ActorRules.RequiredFields];
    private static readonly string[] RequiredRelationshipColumns = ["id", .. RelationshipRules.RequiredFields];

    /// <summary>Reads both files into memory (the API's import and the seed, both bounded in size).</summary>
    /// <param name="knownActorIds">Actors that already exist outside these files (for relationship ends).</param>
    /// <exception cref="ImportLimitException">A file has more data rows than <see cref="CsvReadOptions.MaxRows"/>.</exception>
    public static CsvGraph Read(
        TextReader actorsCsv, string actorsFile, TextReader relationshipsCsv, string relationshipsFile,
        RelationshipTypeCatalogue catalogue, Func<string, bool>? knownActorIds = null, CsvReadOptions? options = null)
    {
        var rows = new RowList();
        var errors = Stream(actorsCsv, actorsFile, relationshipsCsv, relationshipsFile, catalogue, knownActorIds, options, rows);
        return new CsvGraph(rows.Actors, rows.Relationships, errors);
    }

    /// <summary>
    /// Reads and checks both files row by row, handing each row to <paramref name="sink"/> as long as no error has
    /// been found; after the first error it only checks on, so that every error is listed. Memory holds the ids
    /// seen (for duplicates and relationship ends), not the rows.
    /// </summary>
    /// <returns>Every error, by file then line; none means the sink was handed every row.</returns>
    /// <exception cref="ImportLimitException">A file has more data rows than <see cref="CsvReadOptions.MaxRows"/>.</exception>
    public static IReadOnlyList<CsvError> Stream(
        TextReader actorsCsv, string actorsFile, TextReader relationshipsCsv, string relationshipsFile,
        RelationshipTypeCatalogue catalogue, Func<string, bool>? knownActorIds, CsvReadOptions? options, IGraphRowSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var errors = new List<CsvError>();
        var checker = new BatchChecker(knownActorIds, actorsFile);
        var problems = new List<BatchProblem>();
        var read = new FileRead(errors, options ?? CsvReadOptions.Default);
        // Rows broken on their own still take part in the batch checks, so one bad actor row does not also make every
        // tie to it "dangling"; and when some actor rows could not be read at all, ends cannot be judged, so they are not.
        checker.JudgesEnds = read.Rows(actorsCsv, actorsFile, RequiredActorColumns, ParseActor, (actor, line) =>
        {
            checker.AddActor(actor.Id, line, problems);
            return problems;
        }, sink.Add);
        read.Rows(relationshipsCsv, relationshipsFile, RequiredRelationshipColumns, (row, err) => ParseRelationship(row, err, catalogue), (relationship, line) =>
        {
            checker.AddRelationship(relationship, line, problems);
            return problems;
        }, sink.Add);
        return [.. errors.OrderBy(e => e.File == actorsFile ? 0 : 1).ThenBy(e => e.Line)];
    }

    private sealed class RowList : IGraphRowSink
    {
        public List<Actor> Actors { get; } = [];

        public List<Relationship> Relationships { get; } = [];

        public void Add(Actor actor) => Actors.Add(actor);

        public void Add(Relationship relationship) => Relationships.Add(relationship);
    }

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

    private static Dictionary<string, int>? ReadHeader(string[] header, string file, string[] required, List<CsvError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!columns.TryAdd(header[i], i))
            {
                errors.Add(new CsvError(file, 1, header[i], "column appears twice in the header"));
            }
        }
        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new CsvError(file, 1, column, "required column is missing from the header"));
        }
        return missing.Count > 0 ? null : columns;
    }

    private static string ColumnFor(string field) => field switch
    {
        "evidence.document" => "evidenceDocument",
        "evidence.section" => "evidenceSection",
        "evidence.quote" => "evidenceQuote",
        "event.name" => "eventName",
        "event.place" => "eventPlace",
        _ => field.Split('[')[0],
    };

    private static Actor ParseActor(Row row, ValidationErrors errors)
    {
        var actor = new Actor
        {
            Id = row.Get("id"),
            Name = row.Get("name"),
            Aliases = row.List("aliases"),
            Kind = row.Get("kind"),
            Country = row.Get("country"),
            City = row.Optional("city"),
            Sectors = row.List("sectors"),
            Website = row.Optional("website"),
            Description = row.Optional("description"),
            Sources = row.List("sources"),
        };
        errors.AddRange(ActorRules.Validate(actor));
        return ActorRules.Normalised(actor);
    }

    private static Relationship ParseRelationship(Row row, ValidationErrors errors, RelationshipTypeCatalogue catalogue)
    {
        var relationship = new Relationship
        {
            Id = row.Get("id"),
            Source = row.Get("source"),
            Target = row.Get("target"),
            Type = row.Get("type"),
            Since = row.Date("since", errors),
            Until = row.Date("until", errors),
            Strength = row.Number("strength", errors),
            Event = row.Optional("eventName") is null && row.Optional("eventDate") is null && row.Optional("eventPlace") is null
                ? null
                : new EventInfo(row.Optional("eventName"), row.Date("eventDate", errors), row.Optional("eventPlace")),
            Note = row.Optional("note"),
            Evidence = row.Optional("evidenceDocument") is null && row.Optional("evidenceSection") is null && row.Optional("evidenceQuote") is null
                ? null
                : new Evidence(row.Optional("evidenceDocument"), row.Optional("evidenceSection"), row.Optional("evidenceQuote")),
            Inferred = row.Flag("inferred", errors),
        };
        errors.AddRange(RelationshipRules.Validate(relationship, catalogue));
        return RelationshipRules.Normalised(relationship);
    }

    private readonly record struct Row(IReadOnlyList<string> Fields, Dictionary<string, int> Columns)
    {
        // Trimmed, then the export's formula guard undone: its apostrophe shields a guarded leading tab or line break from the trim.
        public string Get(string column) => Columns.TryGetValue(column, out var i) ? CsvFormulaGuard.UnescapeCell(column, Fields[i].Trim()) : "";

        public string? Optional(string column) => Get(column) is { Length: > 0 } value ? value : null;

        public IReadOnlyList<string> List(string column) =>
            [.. Get(column).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

        public PartialDate? Date(string column, ValidationErrors errors)
        {
            var text = Optional(column);
            if (text is null)
            {
                return null;
            }
            if (PartialDate.TryParse(text, out var date))
            {
                return date;
            }
            errors.Add(column, $"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
            return null;
        }

        public double? Number(string column, ValidationErrors errors)
        {
            var text = Optional(column);
            if (text is null)
            {
                return null;
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors.Add(column, $"'{text}' is not a number");
            return null;
        }

        public bool Flag(string column, ValidationErrors errors)
        {
            var text = Optional(column);
            if (text is null || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            errors.Add(column, $"'{text}' must be true or false");
            return false;
        }
    }
}
