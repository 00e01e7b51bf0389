namespace GraphApi.Neo4j.QueryApi;

/// <summary>One Cypher statement with its parameters (plain JSON values: strings, numbers, booleans, lists, maps).</summary>
public sealed record Statement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public Statement(string text) : this(text, new Dictionary<string, object?>())
    {
    }
}
