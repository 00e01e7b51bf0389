using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;
using GraphApi.Http.Input;

namespace GraphApi.Introductions;

/// <summary>An agreement reached through an introduction, turned into a relationship whose evidence is the ledger entry.</summary>
public static class IntroductionAgreements
{
    public const string EvidenceDocument = "GraphApi introduction ledger";

    public static string EvidenceSection(string introductionId) => $"/api/introductions/{introductionId}";

    /// <summary>
    /// The relationship requester → target the agreement of ask <paramref name="id"/> makes, read in the caller's views of
    /// the ledger and the graph: a private ask's agreement becomes its workspace's private tie, a public one's a public tie.
    /// </summary>
    /// <exception cref="NotFoundException">No such ask, or one of another workspace (404).</exception>
    /// <exception cref="StoreConflictException">The ask has not reached an agreement, or was already turned into a relationship (409).</exception>
    public static Relationship Relationship(LedgerView ledger, GraphSnapshot graph, ClosedSets sets, string id, AgreementRelationshipInput? input)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sets);
        var agreement = ledger.AgreementOf(id);
        var ask = ledger.Get(id);
        if (graph.RelationshipsOf(ask.Requester).FirstOrDefault(r => IsFrom(r, id)) is { } existing)
        {
            throw new StoreConflictException($"introduction '{id}' was already turned into relationship '{existing.Id}'");
        }
        var errors = new ValidationErrors();
        var type = sets.Canonical(Sets.RelationshipType, input?.Type, "type", errors);
        errors.ThrowIfAny();
        return new Relationship
        {
            Id = input?.Id ?? "",
            Source = ask.Requester,
            Target = ask.Target,
            Type = type ?? "MOU",
            Since = PartialDate.Parse(agreement.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Note = input?.Note ?? $"Agreement reached through the introduction {string.Join(" → ", ask.Path)}",
            Evidence = new Evidence(EvidenceDocument, EvidenceSection(id), agreement.Evidence),
            Workspace = ask.Workspace,
        };
    }

    private static bool IsFrom(Relationship relationship, string introductionId) =>
        relationship.Evidence is { Document: EvidenceDocument } evidence && evidence.Section == EvidenceSection(introductionId);
}
