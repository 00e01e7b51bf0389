using System.Text.Json.Nodes;
using GraphApi.Actors;
using GraphApi.Relationships;

namespace GraphApi.Interchange;

/// <summary>
/// The JSON import body: actors and relationships in the API's own shapes. An export with format=json is one, and is
/// taken back as it is: the fields only an export carries (`version`, `introductions`, each actor's `region` and
/// `analysis`) are accepted and ignored; any other unknown field is refused.
/// </summary>
/// <param name="Actors">Actors to create or update, by id (as POST /api/actors takes them).</param>
/// <param name="Relationships">Relationships to create or update, by id (as POST /api/relationships takes them); their ends may be in this body or already in the store.</param>
/// <param name="Version">Accepted and ignored: the store version an export was read at.</param>
/// <param name="Introductions">Accepted and ignored: the introduction ledger's asks an export carries with includeLedger=true (asks are not graph data).</param>
public sealed record ImportBody(
    IReadOnlyList<ImportedActor?>? Actors,
    IReadOnlyList<RelationshipInput?>? Relationships,
    long? Version = null,
    IReadOnlyList<JsonObject>? Introductions = null);

/// <summary>An actor of a JSON import: as POST /api/actors takes it, plus the analysis columns an export may carry.</summary>
/// <param name="Analysis">Accepted and ignored: the analysis columns of an export made with `analysis=` (computed, not stored).</param>
public sealed record ImportedActor(
    string? Id,
    string? Name,
    IReadOnlyList<string>? Aliases,
    string? Kind,
    string? Country,
    IReadOnlyList<string>? Sectors,
    string? City,
    string? Website,
    string? Description,
    IReadOnlyList<string>? Sources,
    Core.Domain.ContactDetails? Contact,
    string? Region = null,
    JsonObject? Analysis = null)
    : ActorInput(Id, Name, Aliases, Kind, Country, Sectors, City, Website, Description, Sources, Contact, Region);

/// <summary>What an import did (or, for a dry run, would do), counted against the graph as it was before.</summary>
/// <param name="DryRun">Whether this only checked the import (nothing was written).</param>
/// <param name="ActorsCreated">Actors whose id was new.</param>
/// <param name="ActorsUpdated">Actors whose id existed (replaced; their contact details kept, since exports leave them out).</param>
/// <param name="RelationshipsCreated">Relationships whose id was new.</param>
/// <param name="RelationshipsUpdated">Relationships whose id existed (replaced).</param>
/// <param name="Version">The store version that holds the import (for a dry run or an empty import, the version it was checked on).</param>
public sealed record ImportSummaryView(bool DryRun, int ActorsCreated, int ActorsUpdated, int RelationshipsCreated, int RelationshipsUpdated, long Version);

/// <summary>
/// One reason an import was rejected. CSV: <c>file</c> is the uploaded file's name, <c>line</c> the physical line
/// (header = 1), <c>column</c> the header name. JSON: <c>file</c> is "body", <c>path</c> the JSON path of the item or
/// field (e.g. <c>$.actors[3].kind</c>).
/// </summary>
/// <param name="File">The uploaded file's name, or `body` for a JSON import.</param>
/// <param name="Line">The line in the file (header = 1), for a CSV import.</param>
/// <param name="Column">The column (CSV header name) or field at fault.</param>
/// <param name="Path">The JSON path of the item or field, for a JSON import.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record ImportError(string File, int? Line, string? Column, string? Path, string Message)
{
    /// <summary>
    /// The key under which the error also appears in the problem's <c>errors</c> map: the field's path as every other 400
    /// names fields (<c>actors[3].kind</c>), or <c>file:line:column</c> for a CSV file.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Location => Path is { } path
        ? (path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path)
        : string.Join(':', new[] { File, Line?.ToString(System.Globalization.CultureInfo.InvariantCulture), Column }.Where(p => p is not null));
}
