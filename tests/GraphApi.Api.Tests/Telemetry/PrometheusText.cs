using System.Globalization;
using System.Text;

namespace GraphApi.Api.Tests.Telemetry;

/// <summary>
/// One sample of a Prometheus text exposition (format 0.0.4): <c>name{label="value",…} number [timestamp]</c>;
/// comment lines (<c># HELP</c>, <c># TYPE</c>) are skipped. Label values are read with their escapes (\\, \", \n),
/// and may hold braces and commas (routes such as <c>/api/actors/{id}</c>).
/// </summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                samples.Add(ParseLine(line));
            }
        }
        return samples;
    }

    private static PrometheusSample ParseLine(string line)
    {
        var at = 0;
        while (at < line.Length && line[at] is not ('{' or ' '))
        {
            at++;
        }
        var name = line[..at];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var equals = line.IndexOf('=', at);
                var label = line[at..equals].Trim();
                at = equals + 2; // past ="
                var value = new StringBuilder();
                while (line[at] != '"')
                {
                    if (line[at] == '\\')
                    {
                        at++;
                        value.Append(line[at] == 'n' ? '\n' : line[at]);
                    }
                    else
                    {
                        value.Append(line[at]);
                    }
                    at++;
                }
                labels[label] = value.ToString();
                at++; // past the closing quote
                if (line[at] == ',')
                {
                    at++;
                }
            }
            at++;
        }
        // The value, then perhaps a timestamp in milliseconds.
        var rest = line[at..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new PrometheusSample(name, labels, ParseValue(rest[0]));
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
