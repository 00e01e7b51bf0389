using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

/// <summary>
/// Every string a record holds, named by the field path a caller uses (<c>name</c>, <c>aliases[2]</c>,
/// <c>evidence.quote</c>): what the write path checks before a commit and what a start-up scans in stored rows.
/// </summary>
internal static class RecordText
{
    public static IEnumerable<(string Field, string Value)> Of(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Present(
            [
                ("id", actor.Id), ("name", actor.Name), ("kind", actor.Kind), ("country", actor.Country), ("city", actor.City),
                ("website", actor.Website), ("description", actor.Description), ("contact.email", actor.Contact?.Email),
                ("contact.phone", actor.Contact?.Phone),
            ])
            .Concat(List("aliases", actor.Aliases)).Concat(List("sectors", actor.Sectors)).Concat(List("sources", actor.Sources));
    }

    public static IEnumerable<(string Field, string Value)> Of(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return Present(
        [
            ("id", relationship.Id), ("source", relationship.Source), ("target", relationship.Target), ("type", relationship.Type),
            ("event.name", relationship.Event?.Name), ("event.place", relationship.Event?.Place), ("note", relationship.Note),
            ("evidence.document", relationship.Evidence?.Document), ("evidence.section", relationship.Evidence?.Section),
            ("evidence.quote", relationship.Evidence?.Quote),
        ]);
    }

    private static IEnumerable<(string Field, string Value)> Present((string Field, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => (f.Field, f.Value!));

    private static IEnumerable<(string Field, string Value)> List(string field, IReadOnlyList<string>? values) =>
        (values ?? []).Select((value, i) => ($"{field}[{i}]", value)).Where(f => f.value is not null);
}
