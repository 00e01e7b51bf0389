using System.Globalization;
using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;
using GraphApi.Http;

namespace GraphApi.Interchange;

/// <summary>
/// Reads a JSON import (<c>{"actors":[…],"relationships":[…]}</c>, the API's own shapes) and checks every item the way
/// POST /api/actors and /api/relationships would, plus the batch rules. Errors are located by JSON path.
/// </summary>
public static class JsonBodyImport
{
    public const string FileLabel = "body";

    /// <exception cref="ImportLimitException">The body has more items than allowed.</exception>
    public static async Task<ImportBatch> ReadAsync(
        HttpRequest request, JsonSerializerOptions options, RelationshipTypeCatalogue catalogue, Func<string, bool> knownActorIds, int maxRows,
        CancellationToken cancellationToken)
    {
        ImportBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ImportBody>(request.Body, options, cancellationToken);
        }
        catch (JsonException ex) when (UnpairedSurrogates.Describe(ex) is { } text)
        {
            return ImportBatch.Rejected(new ImportError(FileLabel, null, null, text.Path, text.Message));
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } n ? (int)n + 1 : (int?)null;
            var column = ex.BytePositionInLine is { } b ? $"byte {(b + 1).ToString(CultureInfo.InvariantCulture)}" : null;
            return ImportBatch.Rejected(new ImportError(FileLabel, line, column, ex.Path, $"not valid JSON for an import: {ex.Message}"));
        }
        if (body is null || (body.Actors is null && body.Relationships is null))
        {
            return ImportBatch.Rejected(new ImportError(FileLabel, null, null, "$", "expected an object with \"actors\" and/or \"relationships\" arrays"));
        }
        var actorInputs = body.Actors ?? [];
        var relationshipInputs = body.Relationships ?? [];
        if (actorInputs.Count > maxRows || relationshipInputs.Count > maxRows)
        {
            throw new ImportLimitException($"the body has more than {maxRows} actors or relationships, the most one import may carry");
        }

        var errors = new List<ImportError>();
        var actors = Check(actorInputs, "actors", i => i.ToActor(), ActorRules.Validate, ActorRules.Normalised, errors);
        var relationships = Check(relationshipInputs, "relationships", i => i.ToRelationship(), r => RelationshipRules.Validate(r, catalogue),
            RelationshipRules.Normalised, errors);
        // Items broken on their own still take part, so one bad actor does not also make every tie to it "dangling".
        var problems = BatchChecks.Check([.. actors.Select(a => a.Value)], [.. relationships.Select(r => r.Value)], knownActorIds, "the body");
        int[] actorPositions = [.. actors.Select(a => a.Index)];
        int[] relationshipPositions = [.. relationships.Select(r => r.Index)];
        foreach (var problem in problems)
        {
            var (list, items) = problem.Part == BatchPart.Actors ? ("actors", actorPositions) : ("relationships", relationshipPositions);
            var message = problem.FirstIndex is { } first ? $"{problem.Message} (first at $.{list}[{items[first]}])" : problem.Message;
            errors.Add(new ImportError(FileLabel, null, problem.Field, $"$.{list}[{items[problem.Index]}].{problem.Field}", message));
        }
        return new ImportBatch(
            [.. actors.Where(a => a.Valid).Select(a => a.Value)],
            [.. relationships.Where(r => r.Valid).Select(r => r.Value)],
            errors);
    }

    private sealed record Item<T>(int Index, T Value, bool Valid);

    private static List<Item<T>> Check<TInput, T>(
        IReadOnlyList<TInput?> inputs, string list, Func<TInput, T> convert, Func<T, ValidationErrors> validate, Func<T, T> normalise,
        List<ImportError> errors)
        where TInput : class
    {
        var items = new List<Item<T>>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not { } input)
            {
                errors.Add(new ImportError(FileLabel, null, null, $"$.{list}[{i}]", "must be an object, not null"));
                continue;
            }
            var value = convert(input);
            var itemErrors = validate(value);
            foreach (var (field, messages) in itemErrors.ToDictionary())
            {
                errors.AddRange(messages.Select(m => new ImportError(FileLabel, null, field, $"$.{list}[{i}].{field}", m)));
            }
            // Checked as sent (positions in refusals are the caller's), stored in NFC: the text rule.
            items.Add(new Item<T>(i, normalise(value), itemErrors.IsEmpty));
        }
        return items;
    }
}
