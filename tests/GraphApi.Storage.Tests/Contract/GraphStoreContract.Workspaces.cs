using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>Workspaces and the records they own: kept with each record, and deleted with their workspace.</summary>
public abstract partial class GraphStoreContract
{
    private static IWorkspaceStore Workspaces(IGraphStore store) => Assert.IsAssignableFrom<IWorkspaceStore>(store);

    [SkippableFact]
    public async Task Workspaces_are_created_listed_and_renamed_at_the_expected_revision()
    {
        var store = await StoreAsync();
        var workspaces = Workspaces(store);

        var north = await workspaces.CreateWorkspaceAsync(new Workspace("north", "North cluster"), None);
        await workspaces.CreateWorkspaceAsync(new Workspace("east", "East cluster"), None);
        var taken = await Assert.ThrowsAsync<StoreConflictException>(() => workspaces.CreateWorkspaceAsync(new Workspace("north", "Again"), None));
        var renamed = await workspaces.RenameWorkspaceAsync("north", "North cluster network", expectedRevision: 1, None);
        await Assert.ThrowsAsync<StorePreconditionException>(() => workspaces.RenameWorkspaceAsync("north", "Lost", expectedRevision: 1, None));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => workspaces.RenameWorkspaceAsync("nowhere", "Nobody", null, None));

        Assert.Equal(1, north.Revision);
        Assert.Contains("north", taken.Message, StringComparison.Ordinal);
        Assert.Equal(2, renamed.Revision);
        Assert.Equal([("east", "East cluster", 1L), ("north", "North cluster network", 2L)],
            (await workspaces.ListWorkspacesAsync(None)).Select(w => (w.Id, w.Name, w.Revision)));
    }

    [SkippableFact]
    public async Task A_record_keeps_its_workspace_through_writes_and_loads()
    {
        var store = await StoreAsync();
        await Workspaces(store).CreateWorkspaceAsync(new Workspace("north", "North"), None);
        await store.CreateActorAsync(Samples.Actor("public-hub"), None);
        await store.CreateActorAsync(Samples.Actor("our-contact") with { Workspace = "north" }, None);
        await store.CreateRelationshipAsync(Samples.Relationship("we-know", "public-hub", "our-contact") with { Workspace = "north" }, None);
        await store.UpsertAsync([Samples.Actor("imported") with { Workspace = "north" }],
            [Samples.Relationship("imported-tie", "public-hub", "imported") with { Workspace = "north" }], None);
        await store.UpdateRelationshipAsync(Samples.Relationship("we-know", "public-hub", "our-contact") with { Note = "since 2019", Workspace = "north" }, null, None);

        var data = await store.LoadAsync(None);

        Assert.Equal([("imported", "north"), ("our-contact", "north"), ("public-hub", null)], data.Actors.Select(a => (a.Id, a.Workspace)));
        Assert.Equal([("imported-tie", "north"), ("we-know", "north")], data.Relationships.Select(r => (r.Id, r.Workspace)));
    }

    [SkippableFact]
    public async Task Deleting_a_workspace_deletes_its_records_and_nothing_else()
    {
        var store = await StoreAsync();
        var workspaces = Workspaces(store);
        await workspaces.CreateWorkspaceAsync(new Workspace("north", "North"), None);
        await workspaces.CreateWorkspaceAsync(new Workspace("south", "South"), None);
        await store.UpsertAsync(
            [Samples.Actor("hub"), Samples.Actor("spoke"), Samples.Actor("north-contact") with { Workspace = "north" },
             Samples.Actor("south-contact") with { Workspace = "south" }],
            [Samples.Relationship("public-tie", "hub", "spoke"),
             Samples.Relationship("north-tie", "hub", "spoke") with { Workspace = "north" },
             Samples.Relationship("north-contact-tie", "hub", "north-contact") with { Workspace = "north" },
             Samples.Relationship("south-tie", "hub", "south-contact") with { Workspace = "south" }], None);

        var deletion = (await store.WriteAsync(new StoreWrite.DeleteWorkspace("north", ExpectedRevision: 1), None)).Value;
        var missing = await Assert.ThrowsAsync<StoreNotFoundException>(() => store.WriteAsync(new StoreWrite.DeleteWorkspace("north", null), None));
        var data = await store.LoadAsync(None);

        Assert.Equal("north", deletion.WorkspaceId);
        Assert.Equal(["north-contact"], deletion.RemovedActorIds);
        Assert.Equal(["north-contact-tie", "north-tie"], deletion.RemovedRelationshipIds);
        Assert.Contains("north", missing.Message, StringComparison.Ordinal);
        Assert.Equal(["hub", "south-contact", "spoke"], data.Actors.Select(a => a.Id));
        Assert.Equal(["public-tie", "south-tie"], data.Relationships.Select(r => r.Id));
        Assert.Equal(["south"], (await workspaces.ListWorkspacesAsync(None)).Select(w => w.Id));
    }

    [SkippableFact]
    public async Task The_audit_trail_filters_by_the_workspace_that_owned_the_record()
    {
        var store = await StoreAsync();
        await Workspaces(store).CreateWorkspaceAsync(new Workspace("north", "North"), None);
        await store.CreateActorAsync(Samples.Actor("hub"), None);
        await store.CreateActorAsync(Samples.Actor("ours") with { Workspace = "north" }, None);
        await store.CreateRelationshipAsync(Samples.Relationship("we-know", "hub", "ours") with { Workspace = "north" }, None);
        await store.UpdateRelationshipAsync(Samples.Relationship("we-know", "hub", "ours") with { Workspace = "north", Note = "since 2019" }, null, None);

        var theirs = await store.ReadAuditAsync(new AuditQuery(10, Workspace: "north"), None);
        var counted = await store.CountAuditAsync(new AuditQuery(10, Workspace: "north"), None);
        var nobody = await store.CountAuditAsync(new AuditQuery(10, Workspace: "south"), None);

        Assert.Equal([("relationship", "we-know", "update"), ("relationship", "we-know", "create"), ("actor", "ours", "create")],
            theirs.Select(e => (e.EntityKind, e.EntityId, e.Operation)));
        Assert.Equal((3L, 0L), (counted, nobody));
    }

    [SkippableFact]
    public async Task A_collapsing_merge_never_folds_a_workspaces_private_tie_into_a_public_one()
    {
        var store = await StoreAsync();
        await Workspaces(store).CreateWorkspaceAsync(new Workspace("north", "North"), None);
        await store.UpsertAsync([Samples.Actor("dup"), Samples.Actor("keep"), Samples.Actor("x")],
            [Samples.Relationship("keep-x", "keep", "x"), Samples.Relationship("north--dup-x", "dup", "x") with { Workspace = "north" }], None);

        var merge = await store.WriteAsync(new StoreWrite.MergeActors("dup", "keep", true, null, RelationshipTypeCatalogue.Default), None);

        Assert.Empty(merge.Value.RemovedRelationshipIds);
        Assert.Empty(merge.Value.Duplicates);
        Assert.Equal([("keep-x", "keep", null), ("north--dup-x", "keep", "north")],
            (await store.LoadAsync(None)).Relationships.Select(r => (r.Id, r.Source, r.Workspace)));
    }
}
