using System.Text;
using GraphApi.Core.Interchange;

namespace GraphApi.TestSupport;

public sealed partial record SyntheticNetwork
{
    /// <summary>The network as the import's two CSV files (actors, relationships), written by the export's own CSV writer.</summary>
    public async Task<(string Actors, string Relationships)> ToCsvAsync()
    {
        var graph = ExportGraph.Whole(ToSnapshot());
        return (await WriteAsync(GraphCsvWriter.WriteActorsAsync).ConfigureAwait(false),
            await WriteAsync(GraphCsvWriter.WriteRelationshipsAsync).ConfigureAwait(false));

        async Task<string> WriteAsync(Func<ExportGraph, Stream, CancellationToken, Task> write)
        {
            using var output = new MemoryStream();
            await write(graph, output, CancellationToken.None).ConfigureAwait(false);
            return Encoding.UTF8.GetString(output.ToArray());
        }
    }
}
