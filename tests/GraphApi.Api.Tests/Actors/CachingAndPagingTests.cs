using System.Net;
using System.Net.Http.Headers;

namespace GraphApi.Api.Tests.Actors;

/// <summary>
/// HTTP as clients expect it on the actor, relationship, audit and export reads: strong ETags on records (their
/// revision) with 304, graph-version ETags on lists and exports with 304, HEAD on every GET, and the next page's link
/// in the body and the Link header.
/// </summary>
public sealed class CachingAndPagingTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    public static TheoryData<string> Reads => new()
    {
        "/api/actors?kind=MiniCluster",
        "/api/actors/kicox",
        "/api/actors/kicox/neighbourhood?depth=2",
        "/api/relationships?actor=kicox",
        "/api/relationships/kicox-board-member-of-tci-network",
        "/api/relationship-types",
        "/api/audit?limit=2",
        "/api/export?format=csv&part=actors",
        "/api/export?format=json&analysis=degree&asOf=2015-01-01",
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_read_has_an_etag_that_answers_304_and_a_head_like_its_get(string url)
    {
        var get = await _client.GetAsync(url);
        var tag = get.Headers.ETag;
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var again = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { tag! } } });
        var other = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { new EntityTagHeaderValue("\"other\"") } } });

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(tag);
        Assert.Equal((HttpStatusCode.OK, tag), (head.StatusCode, head.Headers.ETag));
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("/api/actors/kicox")]
    [InlineData("/api/relationships/kicox-board-member-of-tci-network")]
    public async Task A_record_etag_is_its_revision_strong_and_answers_if_none_match_weak_or_strong(string url)
    {
        var tag = (await _client.GetAsync(url)).Headers.ETag!;

        var strong = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { new EntityTagHeaderValue("\"1\"") } } });
        var weak = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { new EntityTagHeaderValue("\"1\"", isWeak: true) } } });

        Assert.Equal(("\"1\"", false), (tag.Tag, tag.IsWeak));
        Assert.Equal((HttpStatusCode.NotModified, HttpStatusCode.NotModified), (strong.StatusCode, weak.StatusCode));
        Assert.Equal("\"1\"", strong.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("/api/actors", 83)]
    [InlineData("/api/relationships", 117)]
    public async Task Lists_link_their_next_page_in_the_body_and_the_link_header(string list, int total)
    {
        var seen = new List<string>();
        var url = $"{list}?limit=40";
        var pages = 0;
        while (url is not null)
        {
            var response = await _client.GetAsync(url);
            var page = await response.ReadJsonAsync();
            pages++;
            Assert.Equal(total, (int)page["total"]!);
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            url = (string?)page["next"]!;
            if (url is null)
            {
                Assert.False(response.Headers.Contains("Link"));
            }
            else
            {
                Assert.Equal($"<{url}>; rel=\"next\"", Assert.Single(response.Headers.GetValues("Link")));
                Assert.Equal($"{list}?limit=40&offset={pages * 40}", url);
            }
        }

        Assert.Equal((total + 39) / 40, pages);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_list_etag_follows_the_graph_version()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        await client.PostJsonAsync("/api/actors", new { id = "one-actor", name = "One", kind = "Cluster", country = "FR" });
        var before = (await client.GetAsync("/api/actors")).Headers.ETag!;

        await client.PostJsonAsync("/api/actors", new { id = "two-actor", name = "Two", kind = "Cluster", country = "FR" });
        var after = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/actors") { Headers = { IfNoneMatch = { before } } });

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
        Assert.Equal(2, (int)(await after.ReadJsonAsync())["total"]!);
    }
}
