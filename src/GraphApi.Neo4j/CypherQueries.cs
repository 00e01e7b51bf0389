using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using GraphApi.Core.Domain;

namespace GraphApi.Neo4j;

/// <summary>
/// The statements of <c>cypher/queries/</c>, embedded in this assembly and loaded by file name, so every line of
/// Cypher the adapter runs is in a .cypher file that CI lints and analysts can read.
/// </summary>
internal static partial class CypherQueries
{
    /// <summary>Stands for a relationship type in per-type statements (Cypher cannot take a type as a parameter).</summary>
    public const string TypePlaceholder = "__TYPE__";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of <c>cypher/queries/{name}.cypher</c>.</summary>
    public static string Get(string name) => Cache.GetOrAdd(name, static n => Read($"cypher/queries/{n}.cypher"));

    /// <summary>
    /// A per-type statement with its placeholder replaced. Only a name from the catalogue that also matches
    /// <c>^[A-Z_]+$</c> is ever spliced into Cypher: that is what keeps caller input out of query text.
    /// </summary>
    public static string ForType(string name, string type, RelationshipTypeCatalogue catalogue)
    {
        if (!catalogue.IsKnown(type) || !TypeName().IsMatch(type))
        {
            throw new ArgumentException($"'{type}' is not a relationship type of the catalogue", nameof(type));
        }
        return Get(name).Replace(TypePlaceholder, type, StringComparison.Ordinal);
    }

    /// <summary>The statements of <c>cypher/schema.cypher</c>, split where a line ends with ';'.</summary>
    public static IReadOnlyList<string> Schema() => Split(Read("cypher/schema.cypher"));

    internal static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            // Blank lines and comments between statements belong to no statement; inside one they are kept.
            if (current.Length == 0 && (trimmed.Length == 0 || trimmed.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                continue;
            }
            current.AppendLine(trimmed.EndsWith(';') ? trimmed[..^1] : trimmed);
            if (trimmed.EndsWith(';'))
            {
                statements.Add(current.ToString().Trim());
                current.Clear();
            }
        }
        if (current.ToString().Trim() is { Length: > 0 } rest)
        {
            statements.Add(rest);
        }
        return statements;
    }

    private static string Read(string resource)
    {
        using var stream = typeof(CypherQueries).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the Cypher resource '{resource}' is not embedded in {typeof(CypherQueries).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[A-Z_]+$")]
    private static partial Regex TypeName();
}
