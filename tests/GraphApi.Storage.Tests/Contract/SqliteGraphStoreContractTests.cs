using GraphApi.Core.Storage;
using GraphApi.Sqlite;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>The contract on the embedded store: a fresh SQLite file per test, reopened for "restart".</summary>
public sealed class SqliteGraphStoreContractTests : GraphStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-storage-tests", Guid.NewGuid().ToString("N"));

    protected override Task<IGraphStore> OpenAsync() => Task.FromResult<IGraphStore>(new SqliteGraphStore(Path.Combine(_folder, "graph.db")));

    protected override Task PruneChangeLogAsync(IGraphStore store, long floor) => ((SqliteGraphStore)store).PruneChangeLogAsync(floor, None);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
