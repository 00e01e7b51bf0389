using System.Text;
using System.Text.Json;
using GraphApi.Core.Interchange;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GraphApi.Http.Csv;

/// <summary>
/// An answer written as CSV (RFC 4180, UTF-8, CRLF): the answer is serialised as its JSON would be, then each element
/// of the row path is one row. Nested objects become dotted columns (<c>roles.gatekeeper</c>); lists of values are
/// joined with "; "; columns are every field any row has, in order of first appearance. Text cells go through the
/// formula guard (<see cref="CsvFormulaGuard"/>), so a name starting with = + - @ is never run by a spreadsheet;
/// numbers and booleans are written as they are.
/// </summary>
public sealed class CsvTableResult(object value, IReadOnlyList<string> rows) : IResult, IValueHttpResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public object Value => value;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => $"{CsvTables.MediaType}; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var json = JsonSerializer.SerializeToElement(value, value.GetType(), options);
        var table = Rows(json, rows, 0, []).ToList();
        var columns = table.SelectMany(row => row.Keys).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Cell(CsvFormulaGuard.Escape(c)))).Append("\r\n");
        foreach (var row in table)
        {
            text.AppendJoin(',', columns.Select(c => row.TryGetValue(c, out var cell) ? cell : "")).Append("\r\n");
        }
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        await httpContext.Response.WriteAsync(text.ToString(), Encoding.UTF8).ConfigureAwait(false);
    }

    /// <summary>The rows under <paramref name="path"/>[depth..], each carrying the scalar fields of the levels above.</summary>
    private static IEnumerable<Dictionary<string, string>> Rows(JsonElement node, IReadOnlyList<string> path, int depth, Dictionary<string, string> above)
    {
        if (depth == path.Count)
        {
            var row = new Dictionary<string, string>(above, StringComparer.Ordinal);
            Flatten(node, "", row, skip: null);
            yield return row;
            yield break;
        }
        var fields = new Dictionary<string, string>(above, StringComparer.Ordinal);
        if (depth > 0)
        {
            Flatten(node, "", fields, skip: path[depth]);
        }
        if (node.ValueKind != JsonValueKind.Object || !TryGet(node, path[depth], out var list) || list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }
        foreach (var element in list.EnumerateArray())
        {
            foreach (var row in Rows(element, path, depth + 1, fields))
            {
                yield return row;
            }
        }
    }

    private static bool TryGet(JsonElement node, string name, out JsonElement value)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Scalars as cells, objects as dotted columns, lists of scalars joined; lists of objects (other tables) left out.</summary>
    private static void Flatten(JsonElement node, string prefix, Dictionary<string, string> row, string? skip)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            row[prefix.Length == 0 ? "value" : prefix] = Scalar(node);
            return;
        }
        foreach (var property in node.EnumerateObject())
        {
            if (skip is not null && string.Equals(property.Name, skip, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var name = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name, row, skip: null);
                    break;
                case JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                    row[name] = Cell(CsvFormulaGuard.Escape(string.Join("; ", property.Value.EnumerateArray().Select(Text))));
                    break;
                case JsonValueKind.Array:
                    break;
                default:
                    row[name] = Scalar(property.Value);
                    break;
            }
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Cell(CsvFormulaGuard.Escape(value.GetString()!)),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Cell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
