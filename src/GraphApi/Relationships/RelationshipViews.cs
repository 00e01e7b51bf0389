using GraphApi.Core.Domain;

namespace GraphApi.Relationships;

/// <summary>Relationships and their types as callers see them (every field of a relationship is public).</summary>
public static class RelationshipViews
{
    public static RelationshipView For(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return new(relationship.Id, relationship.Source, relationship.Target, relationship.Type, relationship.Since, relationship.Until,
            relationship.Strength, relationship.Event, relationship.Note, relationship.Evidence, relationship.Inferred,
            Workspaces.Visibility.Of(relationship.Workspace), relationship.Workspace);
    }

    public static RelationshipTypeView ForType(RelationshipType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new(type.Name, type.Directed, type.Strength, type.Description);
    }
}
