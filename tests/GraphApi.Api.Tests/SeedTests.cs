using System.Net;

namespace GraphApi.Api.Tests;

public sealed class SeedTests
{
    [Fact]
    public async Task Seeds_once_and_not_again_after_edits()
    {
        using var first = new GraphApiFactory(seed: true);
        var client = first.CreateClient();
        var total = (int)(await (await client.GetAsync("/api/actors?limit=1")).ReadJsonAsync())["total"]!;
        Assert.True(total >= 60);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/api/actors/kicox")).StatusCode);

        using var second = new GraphApiFactory(seed: true);
        second.Settings["Sqlite:Path"] = first.DatabasePath;
        var again = second.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync("/api/actors/kicox")).StatusCode);
        Assert.Equal(total - 1, (int)(await (await again.GetAsync("/api/actors?limit=1")).ReadJsonAsync())["total"]!);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/health/ready")).StatusCode);
    }
}
