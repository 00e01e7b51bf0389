using GraphApi.Core.Storage;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>The redirects merges leave behind (<see cref="StoreWrite.MergeActors"/>; the merge itself is <see cref="SqliteWriter"/>'s).</summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>One row per merged-away id: where it points now. Kept for good, so old links keep answering.</summary>
    private const string RedirectSchema = """
        CREATE TABLE IF NOT EXISTS actor_redirects (
            id        TEXT PRIMARY KEY,
            into_id   TEXT NOT NULL,
            merged_at TEXT NOT NULL
        );
        """;

    public async Task<ActorRedirect?> FindRedirectAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT into_id FROM actor_redirects WHERE id = $id", ("$id", id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string into ? new ActorRedirect(id, into) : null;
    }
}
