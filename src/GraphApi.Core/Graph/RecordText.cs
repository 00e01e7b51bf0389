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

    /// <summary>Whether any string of the actor passes the test; allocates nothing, for the common case where none does.</summary>
    public static bool Any(Actor actor, Func<string, bool> test)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Test(actor.Id, test) || Test(actor.Name, test) || Test(actor.Kind, test) || Test(actor.Country, test) || Test(actor.City, test)
            || Test(actor.Website, test) || Test(actor.Description, test) || Test(actor.Contact?.Email, test) || Test(actor.Contact?.Phone, test)
            || TestAll(actor.Aliases, test) || TestAll(actor.Sectors, test) || TestAll(actor.Sources, test);
    }

    /// <inheritdoc cref="Any(Actor, Func{string, bool})"/>
    public static bool Any(Relationship relationship, Func<string, bool> test)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return Test(relationship.Id, test) || Test(relationship.Source, test) || Test(relationship.Target, test) || Test(relationship.Type, test)
            || Test(relationship.Event?.Name, test) || Test(relationship.Event?.Place, test) || Test(relationship.Note, test)
            || Test(relationship.Evidence?.Document, test) || Test(relationship.Evidence?.Section, test) || Test(relationship.Evidence?.Quote, test);
    }

    private static bool Test(string? value, Func<string, bool> test) => value is not null && test(value);

    private static bool TestAll(IReadOnlyList<string>? values, Func<string, bool> test)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            if (Test(values[i], test))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<(string Field, string Value)> Present((string Field, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => (f.Field, f.Value!));

    private static IEnumerable<(string Field, string Value)> List(string field, IReadOnlyList<string>? values) =>
        (values ?? []).Select((value, i) => ($"{field}[{i}]", value)).Where(f => f.value is not null);
}
