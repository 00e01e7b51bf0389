using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// Workspaces: listed, created and renamed in the store directly (they change no record of the graph); deleted
/// through the writer, because their private records go with them.
/// </summary>
public sealed partial class GraphService
{
    private IWorkspaceStore WorkspaceStore => _store as IWorkspaceStore
        ?? throw new NotSupportedException($"the store at {_store.Location} keeps no workspaces");

    public Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(CancellationToken cancellationToken) =>
        WorkspaceStore.ListWorkspacesAsync(cancellationToken);

    /// <summary>The workspace, or null when there is none with that id.</summary>
    public async Task<Workspace?> FindWorkspaceAsync(string id, CancellationToken cancellationToken) =>
        (await ListWorkspacesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(w => w.Id == id);

    public Task<Workspace> CreateWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(WorkspaceRules.Validate(workspace));
        return WorkspaceStore.CreateWorkspaceAsync(WorkspaceRules.Normalised(workspace), cancellationToken);
    }

    public Task<Workspace> RenameWorkspaceAsync(string id, string name, long? expectedRevision, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        WorkspaceRules.CheckName(errors, name);
        ThrowIfInvalid(errors);
        return WorkspaceStore.RenameWorkspaceAsync(id, TextRule.Normalise(name), expectedRevision, cancellationToken);
    }

    /// <summary>Deletes the workspace and every private record it owns, in one store transaction.</summary>
    public async Task<WorkspaceDeletion> DeleteWorkspaceAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        (await CommitAsync(new StoreWrite.DeleteWorkspace(id, expectedRevision), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Refuses a private record for a workspace the store does not hold (a key bound to a deleted one).</summary>
    private async Task ThrowIfNoWorkspaceAsync(string? workspace, CancellationToken cancellationToken)
    {
        if (workspace is not null && await FindWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false) is null)
        {
            var errors = new ValidationErrors();
            errors.Add("visibility", $"your workspace '{workspace}' does not exist (any more): ask an admin to create it");
            ThrowIfInvalid(errors);
        }
    }
}
