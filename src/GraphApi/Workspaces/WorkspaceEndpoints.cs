using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Workspaces;

/// <summary>/api/workspaces: organisations' private networks (admin; the path rules in <c>Security/AccessRules.cs</c> say so).</summary>
public static class WorkspaceEndpoints
{
    public static RouteGroupBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces").WithTags("Workspaces");
        group.MapGet("/", ListWorkspaces).WithName("ListWorkspaces")
            .WithSummary("List workspaces (admin)").WithDescription(WorkspaceDocs.List);
        group.MapGet("/{id}", GetWorkspace).WithName("GetWorkspace").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one workspace (admin)").WithDescription(WorkspaceDocs.List);
        group.MapPost("/", CreateWorkspace).WithName("CreateWorkspace").ProducesProblem(StatusCodes.Status409Conflict)
            .DeclaresRevisionETag(StatusCodes.Status201Created)
            .WithSummary("Create a workspace (admin)").WithDescription(WorkspaceDocs.Create);
        group.MapPatch("/{id}", RenameWorkspace).WithName("RenameWorkspace").DeclaresRevisionETag(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Rename a workspace (admin)").WithDescription(WorkspaceDocs.Rename);
        group.MapDelete("/{id}", DeleteWorkspace).WithName("DeleteWorkspace")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Delete a workspace with its private records (admin)").WithDescription(WorkspaceDocs.Delete);
        return group;
    }

    private static async Task<Ok<WorkspaceList>> ListWorkspaces(GraphService graph, CallerGraph caller, HttpContext http, CancellationToken cancellationToken)
    {
        var seen = (await graph.ListWorkspacesAsync(cancellationToken)).Where(w => MayManage(caller, w.Id)).ToList();
        // The list is fixed by the ids and revisions it holds: that is its ETag (for this caller, like every tag).
        var state = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', seen.Select(w => $"{w.Id}:{w.Revision}"))));
        http.Response.Headers.ETag = ConditionalGets.ForState(http, $"w{Convert.ToHexStringLower(state.AsSpan(0, 8))}");
        return TypedResults.Ok(new WorkspaceList([.. seen.Select(View)]));
    }

    private static async Task<Ok<WorkspaceView>> GetWorkspace(
        GraphService graph, CallerGraph caller, [Description(WorkspaceDocs.IdParameter)] string id, HttpResponse response, CancellationToken cancellationToken)
    {
        var workspace = await FindAsync(graph, caller, id, cancellationToken);
        response.Headers.ETag = ETags.For(workspace.Revision);
        return TypedResults.Ok(View(workspace));
    }

    private static async Task<Created<WorkspaceView>> CreateWorkspace(
        GraphService graph, IntroductionLedger ledger, CallerGraph caller, WorkspaceInput input, HttpResponse response, CancellationToken cancellationToken)
    {
        ThrowIfBound(caller, "create workspaces");
        // Asks an interrupted deletion left under this id are not the new workspace's to see.
        await ForgetLeftoversAsync(graph, ledger, input.Id ?? "", cancellationToken);
        var created = await graph.CreateWorkspaceAsync(new Workspace(input.Id ?? "", input.Name ?? ""), cancellationToken);
        response.Headers.ETag = ETags.For(created.Revision);
        return TypedResults.Created($"/api/workspaces/{created.Id}", View(created));
    }

    private static async Task<Ok<WorkspaceView>> RenameWorkspace(
        GraphService graph, CallerGraph caller, [Description(WorkspaceDocs.IdParameter)] string id, WorkspaceRename input, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        ThrowIfNotTheirs(caller, id);
        var renamed = await graph.RenameWorkspaceAsync(id, input.Name ?? "", expected, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.For(renamed.Revision);
        return TypedResults.Ok(View(renamed));
    }

    private static async Task<Ok<WorkspaceDeleted>> DeleteWorkspace(GraphService graph, IntroductionLedger ledger, CallerGraph caller,
        [Description(WorkspaceDocs.IdParameter)] string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        ThrowIfBound(caller, "delete workspaces");
        WorkspaceDeletion deletion;
        try
        {
            deletion = await graph.DeleteWorkspaceAsync(id, expected, cancellationToken);
        }
        catch (StoreNotFoundException)
        {
            // Gone already: a retry of a deletion that stopped between its two writes still takes the asks it left.
            await ForgetLeftoversAsync(graph, ledger, id, CancellationToken.None);
            throw;
        }
        // The ledger is kept apart from the graph, so its asks go in a write of their own, once the workspace is gone;
        // whether or not the caller is still waiting (an ask of a workspace that no longer exists is nobody's).
        var asks = await ledger.ForgetWorkspaceAsync(id, CancellationToken.None);
        return TypedResults.Ok(new WorkspaceDeleted(id, deletion.RemovedActorIds.Count, deletion.RemovedRelationshipIds.Count, asks));
    }

    private static Task<int> ForgetLeftoversAsync(GraphService graph, IntroductionLedger ledger, string id, CancellationToken cancellationToken) =>
        ledger.ForgetLeftoversAsync(id, async token => await graph.FindWorkspaceAsync(id, token) is not null, cancellationToken);

    private static async Task<Workspace> FindAsync(GraphService graph, CallerGraph caller, string id, CancellationToken cancellationToken) =>
        MayManage(caller, id) && await graph.FindWorkspaceAsync(id, cancellationToken) is { } workspace
            ? workspace
            : throw new StoreNotFoundException(NoSuch(id));

    /// <summary>An admin bound to a workspace manages that one only; for them the others do not exist.</summary>
    private static bool MayManage(CallerGraph caller, string id) => caller.Workspace is null || caller.Workspace == id;

    private static void ThrowIfNotTheirs(CallerGraph caller, string id)
    {
        if (!MayManage(caller, id))
        {
            throw new StoreNotFoundException(NoSuch(id));
        }
    }

    private static void ThrowIfBound(CallerGraph caller, string what)
    {
        if (caller.Workspace is not null)
        {
            throw new WorkspaceForbiddenException($"Only an admin whose key is bound to no workspace may {what}.");
        }
    }

    private static string NoSuch(string id) => $"no workspace '{id}' exists";

    private static WorkspaceView View(Workspace workspace) => new(workspace.Id, workspace.Name);
}
