using System.ComponentModel;
using GraphApi.Http;
using GraphApi.Http.Input;

namespace GraphApi.Interchange;

/// <summary>The export's own query parameters (bound with <c>[AsParameters]</c>; the actor filter and asOf come with theirs).</summary>
public sealed record ExportQueryParameters(
    [property: Description("The file format: graphml (yEd, NetworkX), gexf (Gephi), cytoscape (Cytoscape.js elements), csv (the seed format), json (the API's shapes, what POST /api/import takes back). Required."),
        OneOf(InterchangeRegistration.Formats)] string? Format,
    [property: Description("format=csv only: one file, actors or relationships, instead of a zip of both."), OneOf(InterchangeRegistration.Parts)] string? Part,
    [property: Description("format=gexf only: 1.3 (the default) or 1.2draft for readers that predate 1.3 (NetworkX before 3)."),
        OneOf(InterchangeRegistration.GexfVersions)] string? GexfVersion,
    [property: Description("Only these actors (comma-separated ids, at most 10,000) and the relationships between them; not with actor.")] string? Ids,
    [property: Description("Only this actor's neighbourhood (its id), `depth` hops out; not with ids.")] string? Actor,
    [property: Description("With actor: how many hops out, 1-3, default 1.")] int? Depth,
    [property: Description("Per-actor analysis columns to add, comma-separated: degree, betweenness, brokerage (roles over `partition`), community (Leiden community and participation)."),
        OneOf(InterchangeRegistration.AnalysisColumns, List = true)] string? Analysis,
    [property: Description("With analysis=brokerage: the actor attribute whose groups brokerage roles are counted between (default region)."),
        OneOf(Sets.Partition)] string? Partition,
    [property: Description("With analysis=brokerage: true counts stored directions (default false: each tie both ways), as /api/analysis/brokerage does.")] bool? Directed,
    [property: Description("format=json only: true adds the introduction ledger's asks whose every route actor is exported.")] bool? IncludeLedger)
{
    /// <summary>The export asked for, with the shared parameters bound beside these.</summary>
    public ExportParameters With(ActorFilterQuery filter, AsOfQuery asOf)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(asOf);
        return new ExportParameters(Format, Part, GexfVersion, Ids, filter.Kind, filter.Country, filter.Region, filter.Sector, Actor, Depth, Analysis,
            IncludeLedger, asOf.AsOf, Partition, Directed);
    }
}
