namespace GraphApi.Http.Input;

/// <summary>
/// Marks an operation whose own rules check its body's closed sets (the actor and relationship rules name an unknown kind,
/// country or type with the allowed values): the request check still puts values sent in another case in their set's
/// spelling, but leaves a value outside the set to those rules, so one 400 names it together with every other broken
/// field (an import lists every error of every item at once).
/// </summary>
public sealed class ClosedSetsCheckedByOperation
{
    public static ClosedSetsCheckedByOperation Instance { get; } = new();
}

public static class ClosedSetsCheckedByOperationExtensions
{
    public static TBuilder ChecksBodyClosedSetsItself<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ClosedSetsCheckedByOperation.Instance);
}
