namespace GraphApi.Core.Domain;

/// <summary>
/// Maps a country to the region the analyses partition on. The default map is the EU-27 (plus the "EU" code)
/// → EU, KR → KR, everything else → OTHER; deployments can add regions (e.g. "US", "CN") through configuration.
/// </summary>
public sealed class Regions
{
    public const string Eu = "EU";
    public const string Kr = "KR";
    public const string Other = "OTHER";

    public static readonly IReadOnlyList<string> EuMemberStates =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "EU",
    ];

    private readonly Dictionary<string, string> _regionByCountry;

    public Regions(IReadOnlyDictionary<string, IReadOnlyList<string>>? extra = null)
    {
        _regionByCountry = new Dictionary<string, string>(StringComparer.Ordinal) { ["KR"] = Kr };
        foreach (var country in EuMemberStates)
        {
            _regionByCountry[country] = Eu;
        }
        foreach (var (region, countries) in extra ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            foreach (var country in countries)
            {
                _regionByCountry[country] = region;
            }
        }
    }

    public static Regions Default { get; } = new();

    public string Of(string country) => _regionByCountry.TryGetValue(country, out var region) ? region : Other;

    public IReadOnlyCollection<string> Names => [.. _regionByCountry.Values.Append(Other).Distinct().Order(StringComparer.Ordinal)];
}
