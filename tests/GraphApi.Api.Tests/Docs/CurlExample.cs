using System.Text;
using System.Text.RegularExpressions;

namespace GraphApi.Api.Tests.Docs;

/// <summary>
/// One <c>curl</c> call written in a ```bash block of the README or a docs page, with what the text around it says
/// it answers (its trailing comment and the comment lines under it).
/// </summary>
public sealed partial record CurlExample(string Page, int Line, string Method, string Url, string? Body, string Annotation, string? KeyVariable = null)
{
    public override string ToString() => $"{Page}:{Line} {Method} {Url}";

    /// <summary>The path and query after <c>$B</c> (shell values such as <c>$ASK1</c> left in), or null when the call is not to the service.</summary>
    public string? ServiceTarget => Url.StartsWith("$B/", StringComparison.Ordinal) ? Url[2..] : null;

    /// <summary>Whether the call needs a value the page computes in shell (a variable, a loop, a file): it can be checked, not sent.</summary>
    public bool NeedsShellValues =>
        Url.IndexOf('$', 1) >= 0 || Body?.Contains('$', StringComparison.Ordinal) == true || Body is "(form)" or ['@', ..];

    /// <summary>Whether the text shows this call refused: it sends a wrong name or value on purpose.</summary>
    public bool ShowsARefusal => Annotation.Contains("\"errors\"", StringComparison.Ordinal) || Annotation.Contains("400", StringComparison.Ordinal);

    /// <summary>Whether the text says this call is refused with <paramref name="status"/> (e.g. "# 404", "status":404, "a 400").</summary>
    public bool Expects(int status) => Annotation.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Every curl call in the ```bash blocks of one markdown file.</summary>
    public static IEnumerable<CurlExample> Read(string page, string markdown)
    {
        var lines = markdown.Split('\n');
        var inBash = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && lines[i].Trim() == "```bash";
                continue;
            }
            if (!inBash || !lines[i].TrimStart().StartsWith("curl ", StringComparison.Ordinal))
            {
                continue;
            }
            var start = i;
            var command = new StringBuilder(lines[i].TrimEnd());
            // A line ends the call unless it ends in a backslash or leaves a quoted body open.
            while (i + 1 < lines.Length && ((command.Length > 0 && command[^1] == '\\') || ShellWords.OpenQuote(command.ToString())))
            {
                if (command[^1] == '\\')
                {
                    command.Length--;
                }
                command.Append(' ').Append(lines[++i].Trim());
            }
            var (words, comment) = ShellWords.Split(command.ToString());
            var annotation = new StringBuilder(comment);
            for (var j = i + 1; j < lines.Length && lines[j].TrimStart().StartsWith('#'); j++)
            {
                annotation.Append('\n').Append(lines[j]);
            }
            if (Parse(words) is { } call)
            {
                yield return new CurlExample(page, start + 1, call.Method, call.Url, call.Body, annotation.ToString(), call.KeyVariable);
            }
        }
    }

    private static (string Method, string Url, string? Body, string? KeyVariable)? Parse(IReadOnlyList<string> words)
    {
        string? method = null, url = null, body = null, keyVariable = null;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            switch (word)
            {
                case "-X" or "--request":
                    method = words[++i];
                    break;
                case "-d" or "--data" or "--data-binary" or "--data-raw":
                    body = words[++i];
                    break;
                case "-F" or "--form":
                    body = "(form)";
                    i++;
                    break;
                case "-H" or "--header" when i + 1 < words.Count && KeyHeader().Match(words[i + 1]) is { Success: true } key:
                    keyVariable = key.Groups[1].Value;
                    i++;
                    break;
                case "-H" or "--header" or "-o" or "--output" or "-w" or "--write-out" or "-u" or "-T" or "--upload-file":
                    i++;
                    break;
                case "|" or ">" or "&&" or ";":
                    i = words.Count;
                    break;
                default:
                    if (!word.StartsWith('-') && url is null)
                    {
                        url = word;
                    }
                    break;
            }
        }
        if (url is null)
        {
            return null;
        }
        var head = words.Any(w => w is "-I" or "--head" || HeadFlags().IsMatch(w));
        return (method ?? (head ? "HEAD" : body is null ? "GET" : "POST"), url, body, keyVariable);
    }

    /// <summary>An API key header naming a shell variable (<c>X-Api-Key: $ACME_KEY</c>): the tests send that variable's key.</summary>
    [GeneratedRegex(@"^X-Api-Key:\s*\$\{?([A-Z_]+)\}?$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyHeader();

    [GeneratedRegex("^-[a-zA-Z]*I[a-zA-Z]*$")]
    private static partial Regex HeadFlags();
}
