using System.Net;

namespace GraphApi.Api.Tests.Security;

public sealed class KeyAndRoleTests : IDisposable
{
    private readonly GraphApiFactory _factory = new GraphApiFactory(seed: false).WithRoleKeys();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Reads_are_public_by_default()
    {
        var response = await _factory.ClientWithKey(null).GetAsync("/api/actors");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Reader, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Editor, HttpStatusCode.Created)]
    [InlineData(TestKeys.Admin, HttpStatusCode.Created)]
    public async Task Writes_need_the_editor_role(string? key, HttpStatusCode expected)
    {
        var response = await _factory.ClientWithKey(key).PostJsonAsync("/api/actors", TestKeys.NewActor("written-actor"));
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.Created)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        if (key is null)
        {
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Reader, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Editor, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Admin, HttpStatusCode.OK)]
    public async Task The_audit_log_needs_the_admin_role(string? key, HttpStatusCode expected)
    {
        var response = await _factory.ClientWithKey(key).GetAsync("/api/audit");
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Editor, HttpStatusCode.Forbidden)]
    public async Task Imports_need_the_admin_role(string? key, HttpStatusCode expected)
    {
        var response = await _factory.ClientWithKey(key).PostJsonAsync("/api/import", new { actors = Array.Empty<object>() });
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Route_queries_sent_as_POST_are_reads_and_need_no_key()
    {
        var response = await _factory.ClientWithKey(null).PostJsonAsync("/api/routes/introductions", new { from = new[] { "x" } });
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_even_on_a_public_read()
    {
        var response = await _factory.ClientWithKey("not-a-key-of-ours").GetAsync("/api/actors");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Contact_details_are_visible_to_editors_only()
    {
        var created = await _factory.ClientWithKey(TestKeys.Editor)
            .PostJsonAsync("/api/actors", TestKeys.NewActor("person-x", new { email = "x@example.org", phone = "+33 1" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var (key, visible) in new[] { ((string?)null, false), (TestKeys.Reader, false), (TestKeys.Editor, true), (TestKeys.Admin, true) })
        {
            var one = await (await _factory.ClientWithKey(key).GetAsync("/api/actors/person-x")).ReadJsonAsync();
            var list = await (await _factory.ClientWithKey(key).GetAsync("/api/actors?q=person")).ReadJsonAsync();
            Assert.Equal(visible, one["contact"] is not null);
            Assert.Equal(visible, list["items"]![0]!["contact"] is not null);
        }
    }

    [Fact]
    public async Task The_bootstrap_admin_key_from_the_environment_is_accepted()
    {
        var response = await _factory.ClientWithKey(GraphApiFactory.AdminKey).GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
