using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Contract;

/// <summary>One operation of the OpenAPI document: its method, path template, operationId and declared responses.</summary>
public sealed record ApiOperation(string Method, string Path, string Id, JsonObject Node)
{
    public string Key => $"{Method} {Path}";

    public JsonObject Responses => Node["responses"]?.AsObject() ?? [];

    public IEnumerable<int> Statuses => Responses.Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture));

    public bool Declares(int status) => Responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public JsonObject? Response(int status) => Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?.AsObject();

    /// <summary>The header names the document declares for <paramref name="status"/>, as written there.</summary>
    public IEnumerable<string> DeclaredHeaders(int status) => Response(status)?["headers"]?.AsObject().Select(h => h.Key) ?? [];

    public bool HasBody => Node["requestBody"] is not null;

    public override string ToString() => $"{Key} ({Id})";
}

/// <summary>The operations of an OpenAPI document (the one <c>/openapi/v1.json</c> serves), found by method and path.</summary>
public sealed class ApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly Dictionary<string, ApiOperation> _byKey;

    private ApiDocument(JsonObject root, IReadOnlyList<ApiOperation> operations)
    {
        Root = root;
        Operations = operations;
        _byKey = operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
    }

    public JsonObject Root { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static ApiDocument Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("the OpenAPI document is empty");
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item?[method] is JsonObject operation)
                {
                    operations.Add(new ApiOperation(method.ToUpperInvariant(), path, (string?)operation["operationId"] ?? $"{method} {path}", operation));
                }
            }
        }
        return new ApiDocument(root, operations);
    }

    public ApiOperation? Find(string method, string path) => _byKey.GetValueOrDefault($"{method} {path}");
}
