using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Reads the seed format (<c>cypher/seed/actors.csv</c>, <c>relationships.csv</c>): the same files Neo4j's
/// LOAD CSV reads. Lists are '|'-separated. Columns are found by header name, so their order is free.
/// </summary>
public static partial class GraphCsv
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
        options ??= CsvReadOptions.Default;
        var read = new FileRead(errors, options);
        // Rows broken on their own still take part in the batch checks, so one bad actor row does not also make every
        // tie to it "dangling"; and when some actor rows could not be read at all, ends cannot be judged, so they are not.
        checker.JudgesEnds = read.Rows(actorsCsv, actorsFile, RequiredActorColumns, ParseActor, (actor, line) =>
        {
            checker.AddActor(actor.Id, line, problems);
            AddIdRefusal(options, BatchPart.Actors, actor.Id, line, problems);
            return problems;
        }, sink.Add);
        read.Rows(relationshipsCsv, relationshipsFile, RequiredRelationshipColumns, (row, err) => ParseRelationship(row, err, catalogue), (relationship, line) =>
        {
            checker.AddRelationship(relationship, line, problems);
            AddIdRefusal(options, BatchPart.Relationships, relationship.Id, line, problems);
            return problems;
        }, sink.Add);
        return [.. errors.OrderBy(e => e.File == actorsFile ? 0 : 1).ThenBy(e => e.Line)];
    }

    private static void AddIdRefusal(CsvReadOptions options, BatchPart part, string id, int line, List<BatchProblem> problems)
    {
        if (options.IdRule?.Invoke(part, id) is { } message)
        {
            problems.Add(new BatchProblem(part, line, "id", message));
        }
    }

    private sealed class RowList : IGraphRowSink
    {
        public List<Actor> Actors { get; } = [];

        public List<Relationship> Relationships { get; } = [];

        public void Add(Actor actor) => Actors.Add(actor);

        public void Add(Relationship relationship) => Relationships.Add(relationship);
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
}
