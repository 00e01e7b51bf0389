namespace GraphApi.Http.Input;

/// <summary>
/// Finds the name a caller most likely meant (<c>maxhops</c> → <c>maxHops</c>, <c>partiton</c> → <c>partition</c>):
/// the same name in another case, else the closest by edit distance when it is close enough to be a typo.
/// </summary>
public static class NearMatch
{
    public static string? Find(string given, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(known);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            if (string.Equals(name, given, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
            var distance = Distance(given.ToUpperInvariant(), name.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }
        // Two edits make a typo of a long name, one of a short one; beyond that a suggestion would only confuse.
        return best is not null && bestDistance <= (given.Length > 5 ? 2 : 1) ? best : null;
    }

    /// <summary>"; did you mean 'x'?" when there is a near match, else nothing.</summary>
    public static string Hint(string given, IEnumerable<string> known) =>
        Find(given, known) is { } match ? $"; did you mean '{match}'?" : "";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
