using GraphApi.Core.Storage;
using GraphApi.Http.Input;

namespace GraphApi.Audit;

/// <summary>The closed sets of the audit log: what it records changes of, and which operations.</summary>
public static class AuditRegistration
{
    public const string EntityTypes = "entity type";
    public const string Operations = "operation";

    public static IServiceCollection AddAuditLog(this IServiceCollection services) => services
        .AddClosedSet(EntityTypes, _ => AuditVocabulary.EntityKinds)
        .AddClosedSet(Operations, _ => AuditVocabulary.Operations);
}
