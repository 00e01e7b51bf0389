namespace GraphApi.Core.Introductions;

/// <summary>
/// Where the ledger is kept (SQLite table, Neo4j nodes), apart from the graph: asks do not change the graph's
/// version or snapshot. Each call is one transaction, durable when it returns, and recorded in the store's audit
/// trail under its author.
/// </summary>
public interface IIntroductionStore
{
    /// <summary>Creates the ledger's tables or constraints if missing. Safe on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Every ask with its events in sequence order.</summary>
    Task<IReadOnlyList<Introduction>> LoadAsync(CancellationToken cancellationToken);

    /// <exception cref="Storage.StoreConflictException">An ask with that id exists.</exception>
    Task CreateAsync(Introduction ask, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the event if the ask has exactly <c>e.Sequence − 1</c> events, so two writers (two replicas) cannot
    /// both append after checking the same state.
    /// </summary>
    /// <exception cref="Storage.StoreNotFoundException">No such ask.</exception>
    /// <exception cref="Storage.StoreConflictException">The ask has gained events since the caller read it.</exception>
    Task AppendEventAsync(string introductionId, IntroductionEvent e, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every ask <paramref name="workspace"/> owns, with its events, in one transaction, each audited as a
    /// <c>delete</c>: a deleted workspace takes its private records with it. Returns the ids deleted (none is no error).
    /// </summary>
    Task<IReadOnlyList<string>> DeleteWorkspaceAsync(string workspace, CancellationToken cancellationToken);
}
