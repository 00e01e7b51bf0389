using System.Text;
using System.Text.Json;

namespace GraphApi.Http.Input;

/// <summary>
/// Puts closed-set values sent in another case (<c>"kind":"minicluster"</c>) into their set's spelling
/// (<c>"MiniCluster"</c>) in the body itself, before binding, as the request check does for query values: every reader
/// of the body (handlers, imports, the domain rules) then sees one spelling. Only the respelt string tokens change;
/// every other byte of the body stays as sent.
/// </summary>
public static class JsonBodyRewrite
{
    /// <param name="body">A body that parsed as JSON (the check ran first).</param>
    /// <param name="respell">Field path (as <see cref="JsonBodyCheck"/> names fields: <c>to.kind</c>, <c>actors[3].kind</c>) → spelling.</param>
    public static byte[] Apply(ReadOnlySpan<byte> body, IReadOnlyDictionary<string, string> respell)
    {
        ArgumentNullException.ThrowIfNull(respell);
        var output = new List<byte>(body.Length + 16);
        var copied = 0;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        var path = new Stack<Segment>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Push(new Segment(NameOfValue(path, property), reader.TokenType == JsonTokenType.StartArray));
                    property = null;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.Pop();
                    Advance(path);
                    continue;
                case JsonTokenType.String when respell.TryGetValue(NameOfValue(path, property), out var spelling):
                    var start = (int)reader.TokenStartIndex;
                    output.AddRange(body[copied..start]);
                    output.AddRange(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(spelling)));
                    copied = (int)reader.BytesConsumed;
                    break;
            }
            property = null;
            Advance(path);
        }
        output.AddRange(body[copied..]);
        return [.. output];
    }

    /// <summary>One open object or array: its field path, and for an array the index of its next item.</summary>
    private sealed class Segment(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }
    }

    private static string NameOfValue(Stack<Segment> path, string? property)
    {
        if (!path.TryPeek(out var parent))
        {
            return "";
        }
        if (parent.IsArray)
        {
            return $"{parent.Path}[{parent.Index}]";
        }
        return parent.Path.Length == 0 ? property ?? "" : $"{parent.Path}.{property}";
    }

    /// <summary>A value of an array was read: the next one has the next index.</summary>
    private static void Advance(Stack<Segment> path)
    {
        if (path.TryPeek(out var parent) && parent.IsArray)
        {
            parent.Index++;
        }
    }
}
