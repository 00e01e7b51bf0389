namespace GraphApi.Cli;

/// <summary><c>--name value</c> options and <c>--flag</c> switches; each name is checked against what the verb accepts.</summary>
public sealed class CliOptions
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "dry-run", "help" };

    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static CliOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                throw new CliUsageException($"unexpected argument '{args[i]}'");
            }
            var name = args[i][2..];
            string? value = null;
            if (!Flags.Contains(name))
            {
                if (i + 1 >= args.Length)
                {
                    throw new CliUsageException($"--{name} needs a value");
                }
                value = args[++i];
            }
            if (!options._values.TryAdd(name, value))
            {
                throw new CliUsageException($"--{name} is given twice");
            }
        }
        return options;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public int? GetInt(string name) => Get(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw new CliUsageException($"--{name} must be a whole number, not '{text}'");

    /// <summary>Rejects options the verb does not know, so a typo is an error rather than silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = _values.Keys.Where(k => !names.Contains(k) && k != "help").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option(s) {string.Join(", ", unknown.Select(u => "--" + u))}");
        }
    }
}
