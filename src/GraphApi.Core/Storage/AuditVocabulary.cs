namespace GraphApi.Core.Storage;

/// <summary>What the audit trail records: the kinds of entity (<see cref="AuditEntry.EntityKind"/>) and the operations.</summary>
public static class AuditVocabulary
{
    public static IReadOnlyList<string> EntityKinds { get; } = ["actor", "relationship", "introduction"];

    /// <summary>create, update and delete of any entity; merge of an actor into another; event recorded on an introduction.</summary>
    public static IReadOnlyList<string> Operations { get; } = ["create", "update", "delete", "merge", "event"];
}
