using GraphApi.Neo4j;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// The one place the configured store is chosen (<c>GraphStore:Provider</c>) and the embedded store's file is found:
/// the graph's store and the introduction ledger's both come from here, so they always live on the same store.
/// </summary>
internal static class StoreProvider
{
    /// <summary>What <paramref name="neo4j"/> makes from the Neo4j options, or <paramref name="sqlite"/> from the SQLite file's path.</summary>
    public static T Create<T>(IServiceProvider sp, Func<Neo4jOptions, T> neo4j, Func<string, T> sqlite) =>
        sp.GetRequiredService<IOptions<GraphStoreOptions>>().Value.Provider switch
        {
            "Neo4j" => neo4j(sp.GetRequiredService<IOptions<Neo4jOptions>>().Value),
            _ => sqlite(SqlitePath(sp)),
        };

    /// <summary><c>Sqlite:Path</c>, taken from the content root unless it is rooted.</summary>
    private static string SqlitePath(IServiceProvider sp)
    {
        var path = sp.GetRequiredService<IOptions<SqliteOptions>>().Value.Path;
        var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.IsPathRooted(path) ? path : Path.Combine(root, path);
    }
}
