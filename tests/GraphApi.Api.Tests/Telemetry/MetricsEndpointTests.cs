using System.Net;
using System.Net.Http.Json;
using GraphApi.Api.Tests.Security;
using GraphApi.Api.Tests.Workspaces;

namespace GraphApi.Api.Tests.Telemetry;

/// <summary>/metrics: the Prometheus text of the service's figures, for admins only, outside the API description.</summary>
[Collection(ProcessWideMeters.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_need_the_admin_role_and_refuse_with_problems()
    {
        using var factory = new GraphApiFactory(seed: false).WithRoleKeys();

        var anonymous = await factory.ClientWithKey(null).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Contains("admin", await anonymous.Content.ReadAsStringAsync());

        foreach (var key in new[] { TestKeys.Reader, TestKeys.Editor })
        {
            var refused = await factory.ClientWithKey(key).GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        var admin = await factory.ClientWithKey(TestKeys.Admin).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("text/plain", admin.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_admin_bound_to_a_workspace_may_not_read_the_whole_services_figures()
    {
        using var factory = new GraphApiFactory(seed: false).WithRoleKeys().WithWorkspaceKeys();
        await factory.CreateWorkspacesAsync();

        var bound = await factory.ClientWithKey(WorkspaceKeys.NorthAdmin).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, bound.StatusCode);
        Assert.Equal("application/problem+json", bound.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientWithKey(TestKeys.Admin).GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_not_an_operation_of_the_API_description()
    {
        using var factory = new GraphApiFactory(seed: false);
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/actors\"", document);
        Assert.DoesNotContain("/metrics", document);
    }

    [Fact]
    public async Task After_writes_routes_and_analyses_the_text_shows_their_figures()
    {
        using var factory = new GraphApiFactory(seed: true);
        var client = factory.CreateClient();
        var route = await client.PostAsJsonAsync("/api/routes/introductions", new { from = new[] { "pole-eau" }, to = new { id = "kicox" }, k = 2 });
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        var write = await client.PostAsJsonAsync("/api/relationships", new { id = "metrics-tie", source = "pole-eau", target = "kicox", type = "MET_AT" });
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        // The same question twice on the same graph version: one computation, then one answer from the cache.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/analysis/brokerage")).StatusCode);
        }

        var samples = PrometheusSample.Parse(await client.GetStringAsync("/metrics"));
        var ours = string.Join(", ", samples.Select(s => s.Name).Where(n => n.StartsWith("graphapi_", StringComparison.Ordinal)).Distinct());
        Assert.True(samples.Any(s => s.Name == "graphapi_writer_queue_depth"), "graphapi metrics: " + ours);

        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count"
            && s.Labels.GetValueOrDefault("http_route") == "/api/routes/introductions" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "graphapi_writer_batch_size_count" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "graphapi_writer_batch_size_bucket" && s.Labels.GetValueOrDefault("le") == "1" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "graphapi_store_commit_duration_seconds_count" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "graphapi_snapshot_publish_duration_seconds_count"
            && s.Labels.GetValueOrDefault("graphapi_snapshot_source") == "writes" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "graphapi_analysis_duration_seconds_count"
            && s.Labels.GetValueOrDefault("graphapi_analysis_name") == "brokerage" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "graphapi_analysis_cache_misses_total"
            && s.Labels.GetValueOrDefault("graphapi_analysis_name") == "brokerage" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "graphapi_analysis_cache_hits_total"
            && s.Labels.GetValueOrDefault("graphapi_analysis_name") == "brokerage" && s.Value >= 1);
        // Gauges read when scraped: present, and never negative (the lag is the store's version minus the served one).
        Assert.Contains(samples, s => s.Name == "graphapi_writer_queue_depth" && s.Value >= 0);
        Assert.Contains(samples, s => s.Name == "graphapi_snapshot_lag" && s.Value >= 0);
        Assert.Contains(samples, s => s.Name == "graphapi_snapshot_version" && s.Value >= 1);
    }

    [Fact]
    public async Task Rate_limit_refusals_are_counted_by_window()
    {
        using var factory = new GraphApiFactory(seed: false);
        factory.Settings["RateLimit:PermitLimit"] = "1";
        factory.Settings["RateLimit:WindowSeconds"] = "60";
        var anonymous = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/actors")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/actors")).StatusCode);

        var samples = PrometheusSample.Parse(await factory.CreateClient().GetStringAsync("/metrics"));

        Assert.Contains(samples, s => s.Name == "graphapi_rate_limit_rejections_total"
            && s.Labels.GetValueOrDefault("graphapi_rate_limit_window") == "caller" && s.Value >= 1);
    }
}

/// <summary>
/// OpenTelemetry listens to meters by name across the whole process, so while other tests' hosts are alive a scrape
/// carries their instruments beside this host's (seen: a seeded host's scrape showed <c>graphapi_snapshot_version</c>
/// 0 and 2 once an empty host started after it), and which of them a scrape keeps depends on the order the hosts
/// started in: the version assertion failed now and then in the full run. These tests run alone, after the parallel
/// ones; one process serves one host in production.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "process-wide meters";
}
