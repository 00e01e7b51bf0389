using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Introductions;

/// <summary>An agreement reached through an introduction, turned into a relationship whose evidence is the ledger entry.</summary>
public static class IntroductionAgreements
{
    public const string EvidenceDocument = "GraphApi introduction ledger";

    public static string EvidenceSection(string introductionId) => $"/api/introductions/{introductionId}";

    public static async Task<Results<Created<Relationship>, ValidationProblem, ProblemHttpResult>> CreateRelationship(
        IntroductionLedger ledger, GraphService graph, string id, AgreementRelationshipInput? input, CancellationToken cancellationToken)
    {
        if (ledger.Find(id) is not { } ask)
        {
            return ApiProblems.NotFound($"no introduction '{id}'");
        }
        var agreement = ask.Events.LastOrDefault(e => e.Kind == IntroductionEventKind.Agreement);
        if (agreement is null)
        {
            return Conflict($"introduction '{id}' has not reached an agreement (status {IntroductionNames.Of(ask.State.Status)})");
        }
        var snapshot = graph.Snapshot;
        if (snapshot.RelationshipsOf(ask.Requester).FirstOrDefault(r => IsFrom(r, id)) is { } existing)
        {
            return Conflict($"introduction '{id}' was already turned into relationship '{existing.Id}'");
        }
        var relationship = new Relationship
        {
            Id = input?.Id ?? "",
            Source = ask.Requester,
            Target = ask.Target,
            Type = input?.Type ?? "MOU",
            Since = PartialDate.Parse(agreement.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Note = input?.Note ?? $"Agreement reached through the introduction {string.Join(" → ", ask.Path)}",
            Evidence = new Evidence(EvidenceDocument, EvidenceSection(id), agreement.Evidence),
        };
        var created = input?.Id is null
            ? await graph.CreateRelationshipWithNewIdAsync(relationship, cancellationToken)
            : await graph.CreateRelationshipAsync(relationship, cancellationToken);
        return TypedResults.Created($"/api/relationships/{created.Id}", created);
    }

    private static bool IsFrom(Relationship relationship, string introductionId) =>
        relationship.Evidence is { Document: EvidenceDocument } evidence && evidence.Section == EvidenceSection(introductionId);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
