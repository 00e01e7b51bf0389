using System.Text.Json.Serialization;

namespace GraphApi.Core.Domain;

/// <summary>
/// An organisation's private network: the actors and relationships it owns (their <c>Workspace</c> is its id), seen
/// by its own members only, on top of the public graph.
/// </summary>
/// <param name="Id">A short slug (<see cref="IdNamespaces.IsValidWorkspaceId"/>): it names the workspace in keys, tokens and records, and starts its private ids.</param>
/// <param name="Name">What the workspace is called, shown to its members.</param>
public sealed record Workspace(string Id, string Name)
{
    /// <summary>Optimistic-concurrency revision, surfaced as the ETag header.</summary>
    [JsonIgnore]
    public long Revision { get; init; }
}

/// <summary>What a workspace must hold, checked before anything reaches the store.</summary>
public static class WorkspaceRules
{
    public const int MaxNameLength = 200;

    /// <summary>A name members see in the header, as an actor's name is: identifying text (no invisible characters).</summary>
    public static readonly TextField Name = new("name", TextKind.Identifying, MaxNameLength, Required: true);

    public static ValidationErrors Validate(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var errors = new ValidationErrors();
        if (!IdNamespaces.IsValidWorkspaceId(workspace.Id))
        {
            errors.Add("id", $"must be lower-case letters and digits in words joined by single hyphens, 2-{IdNamespaces.MaxWorkspaceIdLength} characters " +
                $"(it starts every private id of the workspace, followed by '{IdNamespaces.Separator}')");
        }
        CheckName(errors, workspace.Name);
        return errors;
    }

    public static void CheckName(ValidationErrors errors, string? name)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Name.Check(errors, name);
    }

    /// <summary>The workspace as stored: its name in the text rule's form.</summary>
    public static Workspace Normalised(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace with { Name = TextRule.Normalise(workspace.Name) };
    }
}
