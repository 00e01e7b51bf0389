using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// Workspaces (<see cref="IWorkspaceStore"/>): one <c>:Workspace</c> node each; the records a workspace owns carry its
/// id in a <c>workspace</c> property, and its deletion finds and removes them by that property in the database.
/// </summary>
public sealed partial class Neo4jGraphStore : IWorkspaceStore
{
    public async Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Query("workspaces-all"), cancellationToken).ConfigureAwait(false);
        return [.. result.Records.Select(r => new Workspace(r.Get<string>("id"), r.Get<string>("name")) { Revision = r.GetInt64("revision") ?? 1 })];
    }

    public Task<Workspace> CreateWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return _client.InTransactionAsync(async (tx, ct) =>
        {
            // The workspace_id constraint is the real guard; checking first gives the caller a plain message.
            if (await WorkspaceRevisionAsync(tx, workspace.Id, ct).ConfigureAwait(false) is not null)
            {
                throw new StoreConflictException($"a workspace with id '{workspace.Id}' already exists");
            }
            await tx.RunAsync(Query("workspace-create", ("id", workspace.Id), ("name", workspace.Name)), ct).ConfigureAwait(false);
            return workspace with { Revision = 1 };
        }, cancellationToken);
    }

    public Task<Workspace> RenameWorkspaceAsync(string id, string name, long? expectedRevision, CancellationToken cancellationToken) =>
        _client.InTransactionAsync(async (tx, ct) =>
        {
            var revision = await WorkspaceRevisionAsync(tx, id, ct).ConfigureAwait(false);
            CheckRevision(revision, "workspace", id, expectedRevision);
            await tx.RunAsync(Query("workspace-rename", ("id", id), ("name", name), ("revision", revision!.Value + 1)), ct).ConfigureAwait(false);
            return new Workspace(id, name) { Revision = revision.Value + 1 };
        }, cancellationToken);

    Task<Committed<WorkspaceDeletion>> IStoreWriter.DeleteWorkspaceAsync(StoreWrite.DeleteWorkspace write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            CheckRevision(await WorkspaceRevisionAsync(tx, write.Id, ct).ConfigureAwait(false), "workspace", write.Id, write.ExpectedRevision);
            var relationships = (await tx.RunAsync(Query("workspace-relationships", ("workspace", write.Id)), ct).ConfigureAwait(false))
                .Records.Select(ToRelationship).ToList();
            var actors = (await tx.RunAsync(Query("workspace-actors", ("workspace", write.Id)), ct).ConfigureAwait(false))
                .Records.Select(r => Neo4jMapping.ToActor(r.Get<Neo4jNode>("a"))).ToList();
            relationships.ForEach(audit.Deleted);
            actors.ForEach(audit.Deleted);
            await tx.RunAsync(Query("workspace-delete", ("workspace", write.Id)), ct).ConfigureAwait(false);
            return new Committed<WorkspaceDeletion>(
                new WorkspaceDeletion(write.Id, [.. actors.Select(a => a.Id)], [.. relationships.Select(r => r.Id)]), version);
        }, cancellationToken);

    private static async Task<long?> WorkspaceRevisionAsync(QueryApiTransaction tx, string id, CancellationToken ct)
    {
        var result = await tx.RunAsync(Query("workspace-revision", ("id", id)), ct).ConfigureAwait(false);
        return result.FirstOrNull is { } row ? row.GetInt64("revision") ?? 1 : null;
    }
}
