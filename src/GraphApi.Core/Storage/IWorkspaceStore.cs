using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// The workspaces a store holds (id, name, revision). Creating and renaming one changes no record of the graph, so
/// they are plain store calls; deleting one takes its private records along and is a graph write
/// (<see cref="StoreWrite.DeleteWorkspace"/>). Both stores implement it.
/// </summary>
public interface IWorkspaceStore
{
    /// <summary>Every workspace, in id order.</summary>
    Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(CancellationToken cancellationToken);

    /// <exception cref="StoreConflictException">A workspace with that id exists.</exception>
    Task<Workspace> CreateWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">No such workspace.</exception>
    /// <exception cref="StorePreconditionException">Its revision is not the expected one.</exception>
    Task<Workspace> RenameWorkspaceAsync(string id, string name, long? expectedRevision, CancellationToken cancellationToken);
}
