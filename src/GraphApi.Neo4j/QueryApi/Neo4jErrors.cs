using System.Text.Json;
using GraphApi.Core.Storage;

namespace GraphApi.Neo4j.QueryApi;

/// <summary>One entry of the Query API's <c>{"errors":[{"code","message"}]}</c>.</summary>
public sealed record Neo4jError(string Code, string Message);

/// <summary>A failure Neo4j says is worth retrying (Neo.TransientError.*), or a connection failure, timeout or 5xx.</summary>
public sealed class Neo4jTransientException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A Neo.ClientError.* that no store error describes (syntax, types, parameters): the adapter sent a bad statement,
/// which is a bug, so the API answers 500.
/// </summary>
public sealed class Neo4jStatementException(Neo4jError error) : StoreException($"Neo4j rejected a statement: {error.Code}: {error.Message}")
{
    public Neo4jError Error { get; } = error;
}

/// <summary>Turns Neo4j's error codes into the store's exceptions, whatever HTTP status carried them.</summary>
public static class Neo4jErrors
{
    public const string ConstraintValidationFailed = "Neo.ClientError.Schema.ConstraintValidationFailed";

    /// <summary>Reads <c>errors</c> from a response body; an empty list when the body has none or is not JSON.</summary>
    public static IReadOnlyList<Neo4jError> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return [.. errors.EnumerateArray().Select(e => new Neo4jError(
            e.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "",
            e.TryGetProperty("message", out var message) ? message.GetString() ?? "" : ""))];
    }

    public static Exception ToException(Neo4jError error, Neo4jOptions options)
    {
        var code = error.Code;
        if (code == ConstraintValidationFailed)
        {
            return new StoreConflictException($"a record with that id already exists ({error.Message})");
        }
        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
        {
            return new Neo4jTransientException($"Neo4j reported a transient error: {code}: {error.Message}");
        }
        if (code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal))
        {
            return Credentials(options, $"{code}: {error.Message}");
        }
        if (code == "Neo.ClientError.Database.DatabaseNotFound")
        {
            return new StoreUnavailableException($"Neo4j has no database '{options.Database}' (check Neo4j:Database): {error.Message}");
        }
        if (code == "Neo.ClientError.Statement.EntityNotFound")
        {
            return new StoreNotFoundException($"the record was deleted meanwhile: {error.Message}");
        }
        if (code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal))
        {
            return new StoreUnavailableException($"Neo4j failed internally: {code}: {error.Message}");
        }
        return new Neo4jStatementException(error);
    }

    public static StoreUnavailableException Credentials(Neo4jOptions options, string detail) => new(
        $"Neo4j at {options.Uri} refused the credentials of user '{options.User}' (check Neo4j:User and Neo4j:Password): {detail}");
}
