using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphApi.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace GraphApi.Neo4j.QueryApi;

/// <summary>
/// A client of Neo4j's HTTP Query API (<c>/db/{db}/query/v2</c>): typed JSON results, basic auth, implicit and
/// explicit transactions, bookmarks for read-your-writes on clusters, and retries with backoff for what Neo4j calls
/// transient. Neo4j answers 202 even when a statement fails, so errors are read from the body whatever the status.
/// </summary>
public sealed partial class QueryApiClient : IDisposable
{
    public const string TypedJsonMediaType = "application/vnd.neo4j.query";
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly HttpClient _http;
    private readonly ResiliencePipeline _retry;
    private readonly ILogger _logger;
    private readonly AuthenticationHeaderValue? _authorization;
    private string[] _bookmarks = [];

    public QueryApiClient(Neo4jOptions options, HttpMessageHandler handler, ILogger<QueryApiClient>? logger = null, bool disposeHandler = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _logger = logger ?? NullLogger<QueryApiClient>.Instance;
        // Timeouts are applied per request below, so a timeout can be told apart from the caller's cancellation.
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(options.User))
        {
            _authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        }
        var root = options.Uri ?? throw new ArgumentException("Neo4j:Uri is required", nameof(options));
        var baseUri = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        QueryUri = new Uri(baseUri, $"db/{Uri.EscapeDataString(options.Database)}/query/v2");
        _retry = BuildRetry(options);
    }

    public Neo4jOptions Options { get; }

    public Uri QueryUri { get; }

    /// <summary>A production handler: pooled connections recycled every few minutes so DNS changes (Aura, k8s) are seen.</summary>
    public static SocketsHttpHandler CreateHandler(Neo4jOptions options) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = options.RequestTimeout,
    };

    /// <summary>Runs one statement in an implicit transaction, retrying transient failures.</summary>
    public Task<QueryResult> RunAsync(Statement statement, CancellationToken cancellationToken) =>
        WithRetryAsync(async token =>
        {
            var response = await SendAsync(HttpMethod.Post, QueryUri, Body(statement), affinity: null, token).ConfigureAwait(false);
            ThrowIfFailed(response);
            Remember(response.Result.Bookmarks);
            return response.Result;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction and commits it; on any failure the transaction is rolled
    /// back. Transient failures before the commit retry the whole unit of work, so it must only talk to the transaction.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<QueryApiTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        WithRetryAsync(async token =>
        {
            var transaction = await BeginAsync(token).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(transaction, token).ConfigureAwait(false);
                if (transaction.IsOpen)
                {
                    await transaction.CommitAsync(token).ConfigureAwait(false);
                }
                return result;
            }
        }, cancellationToken);

    private async Task<QueryApiTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Post, new Uri(QueryUri + "/tx"), Body(null), affinity: null, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(response);
        var id = response.TransactionId
            ?? throw new StoreUnavailableException("Neo4j opened no transaction (its answer had no transaction id)");
        return new QueryApiTransaction(this, new Uri($"{QueryUri}/tx/{Uri.EscapeDataString(id)}"), response.Affinity);
    }

    internal string Body(Statement? statement, bool withBookmarks = true)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (statement is not null)
        {
            body["statement"] = statement.Text;
            body["parameters"] = statement.Parameters;
        }
        // Bookmarks order a new transaction after earlier commits; statements inside a transaction need none.
        var bookmarks = withBookmarks ? Volatile.Read(ref _bookmarks) : [];
        if (bookmarks.Length > 0)
        {
            body["bookmarks"] = bookmarks;
        }
        return JsonSerializer.Serialize(body);
    }

    internal void Remember(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count > 0)
        {
            Volatile.Write(ref _bookmarks, [.. bookmarks]);
        }
    }

    internal void ThrowIfFailed(QueryApiResponse response)
    {
        if (response.Errors.Count > 0)
        {
            throw Neo4jErrors.ToException(response.Errors[0], Options);
        }
    }

    /// <summary>
    /// Sends one request. Transport failures, timeouts and 5xx without a Neo4j error body throw
    /// <see cref="Neo4jTransientException"/>; Neo4j's own errors are returned in the response for the caller to map.
    /// </summary>
    internal async Task<QueryApiResponse> SendAsync(HttpMethod method, Uri uri, string? body, string? affinity, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJsonMediaType));
        request.Headers.Authorization = _authorization;
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var affinityOut = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return QueryApiResponse.Parse(response.StatusCode, bytes, affinityOut, uri, Options);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jTransientException($"Neo4j at {Options.Uri} did not answer within {Options.RequestTimeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new Neo4jTransientException($"cannot reach Neo4j at {Options.Uri}: {ex.Message}", ex);
        }
    }

    private async Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(async token => await attempt(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Neo4jTransientException ex)
        {
            var attempts = Options.MaxRetries + 1;
            throw new StoreUnavailableException($"Neo4j is unavailable after {attempts} attempt{(attempts == 1 ? "" : "s")}: {ex.Message}", ex);
        }
    }

    private ResiliencePipeline BuildRetry(Neo4jOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Neo4jTransientException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j attempt {Attempt} failed transiently; retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, double delayMs, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back a Neo4j transaction failed; the server will expire it")]
    internal static partial void LogRollbackFailed(ILogger logger, Exception exception);

    internal ILogger Logger => _logger;
}

/// <summary>One decoded HTTP answer of the Query API.</summary>
internal sealed record QueryApiResponse(QueryResult Result, IReadOnlyList<Neo4jError> Errors, string? TransactionId, string? Affinity)
{
    public static QueryApiResponse Parse(HttpStatusCode status, byte[] body, string? affinity, Uri uri, Neo4jOptions options)
    {
        JsonDocument? document = null;
        if (body.Length > 0)
        {
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // Not Neo4j speaking (a proxy's HTML page, a load balancer's 502): judged by status below.
                document = null;
            }
        }
        using (document)
        {
            var root = document?.RootElement ?? default;
            var errors = document is null ? [] : Neo4jErrors.Read(root);
            if (status == HttpStatusCode.Unauthorized)
            {
                throw Neo4jErrors.Credentials(options, errors.Count > 0 ? $"{errors[0].Code}: {errors[0].Message}" : "HTTP 401");
            }
            if (errors.Count > 0)
            {
                return new QueryApiResponse(QueryResult.Empty, errors, TransactionIdOf(root), affinity);
            }
            var code = (int)status;
            if (code >= 500 || status == HttpStatusCode.TooManyRequests)
            {
                throw new Neo4jTransientException($"Neo4j answered HTTP {code} at {uri}");
            }
            if (status == HttpStatusCode.NotFound)
            {
                throw new StoreUnavailableException(
                    $"no Query API at {uri} (HTTP 404): it needs Neo4j 5.25+ or Aura; check Neo4j:Uri and Neo4j:Database");
            }
            if (code >= 300)
            {
                throw new StoreUnavailableException($"Neo4j answered HTTP {code} at {uri} without an error body");
            }
            return new QueryApiResponse(document is null ? QueryResult.Empty : ReadResult(root), [], TransactionIdOf(root), affinity);
        }
    }

    private static QueryResult ReadResult(JsonElement root)
    {
        var bookmarks = root.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return new QueryResult([], [], bookmarks);
        }
        var fields = data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
        var rows = data.GetProperty("values").EnumerateArray()
            .Select(row => (IReadOnlyList<object?>)[.. row.EnumerateArray().Select(TypedJson.Decode)])
            .ToList();
        return new QueryResult(fields, rows, bookmarks);
    }

    private static string? TransactionIdOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("transaction", out var tx) && tx.TryGetProperty("id", out var id)
            ? id.GetString()
            : null;
}
