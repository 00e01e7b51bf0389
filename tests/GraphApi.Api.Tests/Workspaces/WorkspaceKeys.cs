using GraphApi.Api.Tests.Security;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>Keys bound to workspaces: editors of "north" and "south", a reader of "north", and an admin bound to "north".</summary>
public static class WorkspaceKeys
{
    public const string NorthEditor = "north-editor-key-111111";
    public const string NorthReader = "north-reader-key-222222";
    public const string SouthEditor = "south-editor-key-333333";
    public const string NorthAdmin = "north-admin-key-4444444";
    public const string PublicEditor = "public-editor-key-55555";

    /// <summary>Adds the keys (after any already configured, from index 10) and creates nothing: call <see cref="CreateWorkspacesAsync"/>.</summary>
    public static GraphApiFactory WithWorkspaceKeys(this GraphApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var keys = new (string Name, string Key, string Role, string? Workspace)[]
        {
            ("nora", NorthEditor, "editor", "north"), ("nils", NorthReader, "reader", "north"), ("sara", SouthEditor, "editor", "south"),
            ("nadia", NorthAdmin, "admin", "north"), ("pablo", PublicEditor, "editor", null),
        };
        for (var i = 0; i < keys.Length; i++)
        {
            var at = $"Security:Keys:{10 + i}:";
            factory.Settings[at + "Name"] = keys[i].Name;
            factory.Settings[at + "Hash"] = TestKeys.Sha256Hex(keys[i].Key);
            factory.Settings[at + "Role"] = keys[i].Role;
            factory.Settings[at + "Workspace"] = keys[i].Workspace;
        }
        return factory;
    }

    /// <summary>Creates "north" and "south" with the admin key.</summary>
    public static async Task CreateWorkspacesAsync(this GraphApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var admin = factory.CreateClient();
        foreach (var (id, name) in new[] { ("north", "North cluster"), ("south", "South cluster") })
        {
            (await admin.PostJsonAsync("/api/workspaces", new { id, name })).EnsureSuccessStatusCode();
        }
    }
}
