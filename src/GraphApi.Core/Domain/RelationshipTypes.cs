namespace GraphApi.Core.Domain;

/// <summary>
/// One entry of the relationship-type catalogue. <see cref="Strength"/> is the default introduction strength:
/// the estimated chance that this tie alone carries a warm introduction.
/// </summary>
public sealed record RelationshipType(string Name, bool Directed, double Strength, string Description);

/// <summary>
/// The configurable catalogue of relationship types. Only names from it ever reach a store query, which is what
/// keeps type names (which Cypher cannot take as parameters) safe.
/// </summary>
public sealed class RelationshipTypeCatalogue
{
    public static readonly IReadOnlyList<RelationshipType> Defaults =
    [
        new("MOU", false, 0.9, "A signed memorandum of understanding or cooperation agreement."),
        new("BOARD_MEMBER_OF", true, 0.85, "Holds a seat on the board of the target (member → body)."),
        new("MANAGES", true, 0.85, "Manages or runs the target (e.g. KICOX → a mini cluster)."),
        new("PARTNER_OF", false, 0.75, "Partners in a joint partnership or project."),
        new("MEMBER_OF", true, 0.7, "Is a member of the target network or body (member → body)."),
        new("CO_ORGANISED", false, 0.7, "Organised an event together."),
        new("SUPPORTS", true, 0.6, "Funds, appoints or supports the target (supporter → supported)."),
        new("MET_AT", false, 0.4, "Met at an event (see the relationship's event)."),
        new("LOCATED_IN", true, 0.3, "Is located in the target city or complex."),
    ];

    private readonly Dictionary<string, RelationshipType> _byName;

    public RelationshipTypeCatalogue(IEnumerable<RelationshipType>? types = null)
    {
        All = [.. types ?? Defaults];
        _byName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public static RelationshipTypeCatalogue Default { get; } = new();

    public IReadOnlyList<RelationshipType> All { get; }

    public bool IsKnown(string? name) => name is not null && _byName.ContainsKey(name);

    public RelationshipType this[string name] => _byName.TryGetValue(name, out var type)
        ? type
        : throw new KeyNotFoundException($"'{name}' is not in the relationship-type catalogue");

    public bool TryGet(string name, out RelationshipType type) => _byName.TryGetValue(name, out type!);
}
