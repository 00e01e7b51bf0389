using FsCheck;
using FsCheck.Fluent;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Properties;

/// <summary>Generators of valid and invalid domain values for the property tests.</summary>
public static class DomainGenerators
{
    private const string SlugFirst = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string SlugRest = SlugFirst + "-";

    public static Gen<PartialDate> PartialDates =>
        from year in Gen.Choose(1000, 9999)
        from precision in Gen.Choose(0, 2)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(year, month))
        select precision switch
        {
            0 => new PartialDate(year),
            1 => new PartialDate(year, month),
            _ => new PartialDate(year, month, day),
        };

    public static Gen<string> Slugs =>
        from first in Gen.Elements(SlugFirst.ToCharArray())
        from length in Gen.Choose(1, 63)
        from rest in Gen.ArrayOf(Gen.Elements(SlugRest.ToCharArray()), length)
        select first + new string(rest);

    /// <summary>Strings that break the slug rule in one of the ways callers do: bad first character, bad character, bad length.</summary>
    public static Gen<string> NonSlugs => Gen.OneOf(
        Slugs.Select(s => "-" + s),
        Slugs.Select(s => s[..1]),
        Slugs.Select(s => s + new string('a', 64)),
        from slug in Slugs
        from bad in Gen.Elements("ABZ_./\\ %'\"`:;{}()[]\0\né한".ToCharArray())
        from at in Gen.Choose(0, slug.Length)
        select slug.Insert(at, bad.ToString()));

    /// <summary>Printable text without control characters or blanks at the ends, up to <paramref name="max"/> characters.</summary>
    public static Gen<string> Text(int max) =>
        from length in Gen.Choose(1, max)
        from chars in Gen.ArrayOf(Gen.Elements("abcXYZ 0123-'&().,é한국산업단지공단Ü".ToCharArray()), length)
        let text = new string(chars).Trim()
        select text.Length == 0 ? "x" : text;

    public static Gen<Actor> ValidActors =>
        from id in Slugs
        from name in Text(ActorRules.MaxNameLength)
        from aliases in Gen.ListOf(Text(40), 3)
        from kind in Gen.Elements(ActorKinds.All.ToArray())
        from country in Gen.Elements("FR", "DE", "KR", "ES", "IT", "NL", "US", "EU")
        from sectors in Gen.ListOf(Text(30), 3)
        from city in Text(60).OrNull()
        select new Actor { Id = id, Name = name, Aliases = aliases, Kind = kind, Country = country, Sectors = sectors, City = city };

    /// <summary>Doubles outside 0 &lt; s ≤ 1, the IEEE specials included.</summary>
    public static Gen<double> BadStrengths => Gen.OneOf(
        Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1.0000001, double.MaxValue, double.MinValue, -double.Epsilon),
        ArbMap.Default.GeneratorFor<double>().Where(d => !(d > 0 && d <= 1)));

    public static Gen<double> GoodStrengths => Gen.OneOf(
        Gen.Elements(1.0, double.Epsilon, 0.5),
        Gen.Choose(1, 1_000_000).Select(n => n / 1_000_000.0));
}
