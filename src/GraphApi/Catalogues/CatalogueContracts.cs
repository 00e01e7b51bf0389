namespace GraphApi.Catalogues;

/// <summary>What a form may offer: the closed sets a request may name, and the open values the data uses.</summary>
/// <param name="Kinds">The actor kinds (closed: any other is refused).</param>
/// <param name="Regions">The regions this deployment maps countries to (closed).</param>
/// <param name="RelationshipTypes">The relationship types of the catalogue (closed; their strengths: GET /api/relationship-types).</param>
/// <param name="Partitions">What brokerage can partition actors by (closed).</param>
/// <param name="Statuses">The introduction ledger's statuses (closed).</param>
/// <param name="Countries">The countries actors are in, most actors first (any ISO 3166-1 alpha-2 code or EU is accepted).</param>
/// <param name="Sectors">The sectors actors list, most actors first (free text: any value is accepted, matched ignoring case).</param>
/// <param name="Version">The graph version the countries and sectors were counted on.</param>
public sealed record CatalogueView(
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> RelationshipTypes,
    IReadOnlyList<string> Partitions,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<ValueInUse> Countries,
    IReadOnlyList<ValueInUse> Sectors,
    long Version);

/// <summary>A value of an open field and how many actors carry it.</summary>
/// <param name="Value">The value, as most actors spell it.</param>
/// <param name="Actors">How many actors carry it.</param>
public sealed record ValueInUse(string Value, int Actors);
