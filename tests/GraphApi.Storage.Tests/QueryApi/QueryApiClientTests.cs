using System.Net;
using System.Text;
using System.Text.Json;
using GraphApi.Core.Storage;
using GraphApi.Neo4j;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Storage.Tests.QueryApi;

/// <summary>The Query API client against scripted answers in the shapes Neo4j documents.</summary>
public sealed class QueryApiClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeQueryApi _server = new();

    private QueryApiClient Client(int maxRetries = 2, TimeSpan? timeout = null) => new(new Neo4jOptions
    {
        Uri = new Uri("http://neo4j.test:7474"),
        User = "neo4j",
        Password = "verysecret",
        Database = "graph",
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.Zero,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
    }, _server);

    private static Statement Query(string text = "RETURN $x AS x") => new(text, new Dictionary<string, object?> { ["x"] = 1 });

    [Fact]
    public async Task A_query_is_posted_as_json_with_basic_auth_and_asks_for_typed_json()
    {
        _server.Reply(Bodies.Rows("""["name","n"]""", $$"""[[{"$type":"String","_value":"Phil"},{{Bodies.Integer(7)}}]]"""));
        using var client = Client();

        var result = await client.RunAsync(new Statement("MATCH (p {name: $name}) RETURN p.name AS name, 7 AS n",
            new Dictionary<string, object?> { ["name"] = "Phil", ["tags"] = new[] { "a", "b" } }), None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal((HttpMethod.Post, "/db/graph/query/v2"), (request.Method, request.Path));
        Assert.Equal("application/vnd.neo4j.query", request.Headers["accept"]);
        Assert.Equal("application/json", request.Headers["content-type"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:verysecret")), request.Headers["authorization"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("MATCH (p {name: $name}) RETURN p.name AS name, 7 AS n", body.RootElement.GetProperty("statement").GetString());
        Assert.Equal("Phil", body.RootElement.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("parameters").GetProperty("tags").GetArrayLength());
        Assert.Equal(["name", "n"], result.Fields);
        var row = Assert.Single(result.Records);
        Assert.Equal(("Phil", 7L), (row.Get<string>("name"), row.GetInt64("n")));
        Assert.Equal(["FB:kcwQ"], result.Bookmarks);
    }

    [Fact]
    public async Task Bookmarks_of_a_commit_are_sent_with_the_next_query()
    {
        _server.Reply(Bodies.Rows("[]", "[]", """["FB:first"]""")).Reply(Bodies.Rows("[]", "[]", """["FB:second"]"""));
        using var client = Client();

        await client.RunAsync(Query(), None);
        await client.RunAsync(Query(), None);

        Assert.DoesNotContain("bookmarks", _server.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"bookmarks\":[\"FB:first\"]", _server.Requests[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_constraint_violation_is_a_conflict_whatever_the_status(HttpStatusCode status)
    {
        _server.Reply(Bodies.Error("Neo.ClientError.Schema.ConstraintValidationFailed",
            "Node(0) already exists with label `Actor` and property `id` = 'kicox'"), status);
        using var client = Client();

        var error = await Assert.ThrowsAsync<StoreConflictException>(() => client.RunAsync(Query(), None));

        Assert.Contains("'kicox'", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("Neo.ClientError.Statement.SyntaxError", typeof(Neo4jStatementException))]
    [InlineData("Neo.ClientError.Statement.ParameterMissing", typeof(Neo4jStatementException))]
    [InlineData("Neo.ClientError.Statement.EntityNotFound", typeof(StoreNotFoundException))]
    [InlineData("Neo.ClientError.Database.DatabaseNotFound", typeof(StoreUnavailableException))]
    [InlineData("Neo.ClientError.Security.Forbidden", typeof(StoreUnavailableException))]
    [InlineData("Neo.DatabaseError.General.UnknownError", typeof(StoreUnavailableException))]
    public async Task Neo4j_error_codes_map_to_store_errors_without_retrying(string code, Type expected)
    {
        _server.Reply(Bodies.Error(code, "details from Neo4j"), HttpStatusCode.BadRequest);
        using var client = Client();

        var error = await Assert.ThrowsAnyAsync<StoreException>(() => client.RunAsync(Query(), None));

        Assert.IsType(expected, error);
        Assert.Contains("details from Neo4j", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_401_says_the_credentials_were_refused_and_is_not_retried()
    {
        _server.Reply(Bodies.Error("Neo.ClientError.Security.Unauthorized", "Invalid username or password."),
            HttpStatusCode.Unauthorized, contentType: "application/json");
        using var client = Client();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Query(), None));

        Assert.Contains("refused the credentials of user 'neo4j'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Neo4j:Password", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid username or password.", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_transient_error_is_retried_until_it_succeeds()
    {
        _server.Reply(Bodies.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))
            .Throw(new HttpRequestException("Connection refused"))
            .Reply("<html>bad gateway</html>", HttpStatusCode.BadGateway, contentType: "text/html")
            .Reply(Bodies.Rows("""["x"]""", $"[[{Bodies.Integer(1)}]]"));
        using var client = Client(maxRetries: 3);

        var result = await client.RunAsync(Query(), None);

        Assert.Equal(1L, result.FirstOrNull?.GetInt64("x"));
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task A_store_that_stays_down_is_unavailable_after_the_retries()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Reply(Bodies.Error("Neo.TransientError.General.DatabaseUnavailable", "starting up"), HttpStatusCode.ServiceUnavailable);
        }
        using var client = Client(maxRetries: 2);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Query(), None));

        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("starting up", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_missing_query_api_is_reported_plainly()
    {
        _server.Reply("Not Found", HttpStatusCode.NotFound, contentType: "text/plain");
        using var client = Client();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Query(), None));

        Assert.Contains("no Query API at http://neo4j.test:7474/db/graph/query/v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_times_out_counts_as_transient()
    {
        _server.Hang().Hang();
        using var client = Client(maxRetries: 1, timeout: TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Query(), None));

        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_honoured_and_not_retried()
    {
        _server.Hang();
        using var client = Client(maxRetries: 3);
        using var cancel = new CancellationTokenSource();

        var running = client.RunAsync(Query(), cancel.Token);
        while (_server.Requests.Count == 0)
        {
            await Task.Yield();
        }
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_transaction_echoes_the_cluster_affinity_on_every_follow_up()
    {
        _server.Reply(Bodies.Transaction("lyU"), affinity: "MTAuOC41Ljc6MTc0NzQ=")
            .Reply(Bodies.Transaction("lyU", $$"""{"fields":["x"],"values":[[{{Bodies.Integer(5)}}]]}"""), affinity: "MTAuOC41Ljc6MTc0NzQ=")
            .Reply("""{"bookmarks":["FB:committed"]}""", affinity: "MTAuOC41Ljc6MTc0NzQ=")
            .Reply(Bodies.Rows("[]", "[]"));
        using var client = Client();

        var value = await client.InTransactionAsync(async (tx, ct) => (await tx.RunAsync(Query(), ct)).FirstOrNull?.GetInt64("x"), None);
        await client.RunAsync(Query(), None);

        Assert.Equal(5L, value);
        Assert.Equal(
            [(HttpMethod.Post, "/db/graph/query/v2/tx"), (HttpMethod.Post, "/db/graph/query/v2/tx/lyU"), (HttpMethod.Post, "/db/graph/query/v2/tx/lyU/commit"), (HttpMethod.Post, "/db/graph/query/v2")],
            _server.Requests.Select(r => (r.Method, r.Path)));
        Assert.False(_server.Requests[0].Headers.ContainsKey("neo4j-cluster-affinity"));
        Assert.All(_server.Requests.Skip(1).Take(2), r => Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", r.Headers["neo4j-cluster-affinity"]));
        Assert.Contains("\"bookmarks\":[\"FB:committed\"]", _server.Requests[3].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_unit_of_work_rolls_its_transaction_back()
    {
        _server.Reply(Bodies.Transaction("t1"), affinity: "aff").Reply(Bodies.Transaction("t1"), affinity: "aff").Reply("{}", affinity: "aff");
        using var client = Client();

        await Assert.ThrowsAsync<StoreNotFoundException>(() => client.InTransactionAsync<int>(async (tx, ct) =>
        {
            await tx.RunAsync(Query(), ct);
            throw new StoreNotFoundException("no actor 'x' exists");
        }, None));

        Assert.Equal((HttpMethod.Delete, "/db/graph/query/v2/tx/t1"), (_server.Requests[2].Method, _server.Requests[2].Path));
        Assert.Equal("aff", _server.Requests[2].Headers["neo4j-cluster-affinity"]);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_statement_error_that_closed_the_transaction_sends_no_rollback()
    {
        _server.Reply(Bodies.Transaction("t1")).Reply(Bodies.Error("Neo.ClientError.Schema.ConstraintValidationFailed", "exists"));
        using var client = Client();

        await Assert.ThrowsAsync<StoreConflictException>(() => client.InTransactionAsync(async (tx, ct) => await tx.RunAsync(Query(), ct), None));

        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_transient_error_inside_a_transaction_retries_the_whole_unit_of_work()
    {
        _server.Reply(Bodies.Transaction("t1"))
            .Reply(Bodies.Error("Neo.TransientError.Transaction.LockClientStopped", "lock client stopped"))
            .Reply(Bodies.Transaction("t2"))
            .Reply(Bodies.Transaction("t2"))
            .Reply("{}");
        using var client = Client();
        var attempts = 0;

        await client.InTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            return await tx.RunAsync(Query(), ct);
        }, None);

        Assert.Equal(2, attempts);
        Assert.Equal("/db/graph/query/v2/tx/t2/commit", _server.Requests[^1].Path);
    }

    [Fact]
    public async Task A_commit_whose_outcome_is_unknown_is_not_retried()
    {
        _server.Reply(Bodies.Transaction("t1")).Reply(Bodies.Transaction("t1")).Throw(new HttpRequestException("Connection reset by peer"));
        using var client = Client(maxRetries: 3);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => client.InTransactionAsync(async (tx, ct) => await tx.RunAsync(Query(), ct), None));

        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_inside_a_transaction_still_rolls_it_back()
    {
        _server.Reply(Bodies.Transaction("t1"), affinity: "aff").Hang().Reply("{}");
        using var client = Client();
        using var cancel = new CancellationTokenSource();

        var running = client.InTransactionAsync(async (tx, ct) => await tx.RunAsync(Query(), ct), cancel.Token);
        while (_server.Requests.Count < 2)
        {
            await Task.Yield();
        }
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal((HttpMethod.Delete, "/db/graph/query/v2/tx/t1"), (_server.Requests[^1].Method, _server.Requests[^1].Path));
    }
}
