namespace GraphApi.Http.Input;

/// <summary>
/// Marks a query parameter or body field whose values come from a closed set (<see cref="ClosedSets"/>): the request
/// check accepts them in any case and answers with the set's spelling, refuses others listing the allowed values, and
/// the OpenAPI document lists them as an <c>enum</c>. <see cref="List"/>: a comma-separated list of such values.
/// On a positional record, put it on the property (<c>[property: OneOf(…)]</c>), where serialisation looks.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false)]
public sealed class OneOfAttribute(string set) : Attribute
{
    public string Set { get; } = set;

    public bool List { get; init; }
}
