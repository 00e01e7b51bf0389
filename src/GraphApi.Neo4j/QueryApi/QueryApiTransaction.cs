using GraphApi.Core.Storage;

namespace GraphApi.Neo4j.QueryApi;

/// <summary>
/// An explicit Query API transaction (<c>/query/v2/tx/{id}</c>). Every follow-up request replays the
/// <c>neo4j-cluster-affinity</c> header Neo4j sent when it opened the transaction, so a cluster routes it to the
/// member that holds it. Disposing an uncommitted transaction rolls it back.
/// </summary>
public sealed class QueryApiTransaction : IAsyncDisposable
{
    private readonly QueryApiClient _client;
    private readonly Uri _uri;

    internal QueryApiTransaction(QueryApiClient client, Uri uri, string? affinity)
    {
        _client = client;
        _uri = uri;
        Affinity = affinity;
    }

    public string? Affinity { get; }

    public bool IsOpen { get; private set; } = true;

    public async Task<QueryResult> RunAsync(Statement statement, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!IsOpen, this);
        var response = await SendAsync(HttpMethod.Post, _uri, statement, cancellationToken).ConfigureAwait(false);
        if (response.Errors.Count > 0)
        {
            // Neo4j closes a transaction whose statement failed; its answer then carries no transaction.
            IsOpen = response.TransactionId is not null;
            _client.ThrowIfFailed(response);
        }
        return response.Result;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!IsOpen, this);
        IsOpen = false;
        QueryApiResponse response;
        try
        {
            response = await SendAsync(HttpMethod.Post, new Uri(_uri + "/commit"), null, cancellationToken).ConfigureAwait(false);
        }
        catch (Neo4jTransientException ex)
        {
            // The commit may or may not have happened: retrying could apply the writes twice, so this is not retried.
            throw new StoreUnavailableException($"the commit's outcome is unknown: {ex.Message}", ex);
        }
        _client.ThrowIfFailed(response);
        _client.Remember(response.Result.Bookmarks);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            return;
        }
        IsOpen = false;
        var response = await SendAsync(HttpMethod.Delete, _uri, null, cancellationToken).ConfigureAwait(false);
        _client.ThrowIfFailed(response);
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsOpen)
        {
            return;
        }
        try
        {
            // Not the caller's token: a cancelled request must still release the server's locks now, not when the
            // transaction expires a minute later. The client's request timeout bounds the wait.
            await RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Neo4jTransientException or StoreException)
        {
            QueryApiClient.LogRollbackFailed(_client.Logger, ex);
        }
    }

    private Task<QueryApiResponse> SendAsync(HttpMethod method, Uri uri, Statement? statement, CancellationToken cancellationToken) =>
        _client.SendAsync(method, uri, method == HttpMethod.Delete ? null : BodyOf(statement), Affinity, cancellationToken);

    // The commit may carry a final statement; ours never does, but the Query API still expects a JSON body.
    private string BodyOf(Statement? statement) => statement is null ? "{}" : _client.Body(statement, withBookmarks: false);
}
