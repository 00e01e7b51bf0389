using System.Text;

namespace GraphApi.Api.Tests.Docs;

/// <summary>Splits one line of POSIX shell into words (quotes removed), and returns its trailing # comment apart.</summary>
public static class ShellWords
{
    public static (IReadOnlyList<string> Words, string Comment) Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    close = close < 0 ? line.Length : close;
                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = DoubleQuoted(line, i + 1, word);
                    inWord = true;
                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[++i]);
                    inWord = true;
                    break;
                case ' ' or '\t':
                    Flush();
                    break;
                case '#' when !inWord:
                    Flush();
                    return (words, line[i..]);
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        Flush();
        return (words, "");

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }

    /// <summary>Whether the line leaves a single-quoted string open (a JSON body written over several lines).</summary>
    public static bool OpenQuote(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var open = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && !open)
            {
                i++;
            }
            else if (line[i] == '#' && !open && (i == 0 || line[i - 1] is ' ' or '\t'))
            {
                return false;   // the rest is a comment, whose apostrophes quote nothing
            }
            else if (line[i] == '\'')
            {
                open = !open;
            }
        }
        return open;
    }

    /// <summary>Appends a "…" string's content from <paramref name="start"/>; returns the index of the closing quote.</summary>
    private static int DoubleQuoted(string line, int start, StringBuilder word)
    {
        var i = start;
        for (; i < line.Length && line[i] != '"'; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
            {
                i++;
            }
            word.Append(line[i]);
        }
        return i;
    }
}
