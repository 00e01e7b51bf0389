using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// Small seeded random graphs built to be full of ties: few distinct strengths (equal-cost routes everywhere),
/// strength 1 (zero-cost hops), parallel ties, dated and undated ties. Actors are n0 … n(k−1), all in FR unless
/// <c>countries</c> is given; <c>strengths</c> replaces the default palette (null = the type's default strength).
/// </summary>
internal static class TieHeavyGraphs
{
    public static readonly string[] Types = ["MOU", "PARTNER_OF", "MET_AT", "SUPPORTS"];
    private static readonly double?[] Strengths = [null, 0.5, 0.5, 0.25, 1.0];

    /// <summary>A palette for <c>strengths</c> with zero-cost hops (strength 1) everywhere, so ties between routes of different hop counts are common.</summary>
    public static readonly double?[] ZeroCostHeavy = [1.0, 1.0, 1.0, 0.5, 0.25, null];

    public static GraphSnapshot Build(Random random, int actors, bool dated, IReadOnlyList<double?>? strengths = null,
        IReadOnlyList<string>? countries = null, int? ties = null)
    {
        var palette = strengths ?? Strengths;
        var builder = new TestGraph();
        for (var i = 0; i < actors; i++)
        {
            builder.Actor($"n{i}", country: countries is null ? "FR" : countries[random.Next(countries.Count)]);
        }
        for (var e = ties ?? random.Next(actors, 3 * actors); e > 0; e--)
        {
            var a = random.Next(actors);
            var b = (a + 1 + random.Next(actors - 1)) % actors;
            var since = dated && random.Next(3) != 0 ? (2010 + random.Next(14)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            builder.Tie($"n{a}", $"n{b}", Types[random.Next(Types.Length)], palette[random.Next(palette.Count)], since);
        }
        return builder.Build();
    }
}
