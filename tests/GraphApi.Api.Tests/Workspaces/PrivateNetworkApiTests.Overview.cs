using System.Net;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>The overview per caller: a member's own actors and ties are marked for its members, and for nobody else.</summary>
public sealed partial class PrivateNetworkApiTests
{
    [Fact]
    public async Task The_overview_marks_the_workspaces_own_actors_and_ties_for_its_members_and_nothing_for_anyone_else()
    {
        // A private tie beside a public one: the pair's edge holds a private tie, so it is marked.
        await Expect(_north.PostJsonAsync("/api/relationships", new { id = "north--hub-relay", source = "hub", target = "relay", type = "PARTNER_OF" }), HttpStatusCode.Created);

        async Task<(string[] Ids, (string, string)[] Pairs, string[] PrivateActors, (string, string)[] PrivatePairs)> Overview(HttpClient client)
        {
            var body = await (await Expect(client.GetAsync("/api/overview"), HttpStatusCode.OK)).ReadJsonAsync();
            string[] ids = [.. body["nodes"]!["ids"]!.AsArray().Select(i => i!.GetValue<string>())];
            var edges = body["edges"]!.AsArray().Select(i => i!.GetValue<int>()).ToArray();
            (string, string) Pair(int k) => (ids[edges[2 * k]], ids[edges[(2 * k) + 1]]);
            return (ids, [.. Enumerable.Range(0, edges.Length / 2).Select(Pair)],
                [.. body["privateNodes"]!.AsArray().Select(i => ids[i!.GetValue<int>()])],
                [.. body["privateEdges"]!.AsArray().Select(i => Pair(i!.GetValue<int>()))]);
        }

        var north = await Overview(_north);
        var south = await Overview(_south);
        Assert.Empty(north.PrivateActors);
        Assert.Equal([("asker", "target"), ("hub", "relay")], north.PrivatePairs);
        Assert.Equal(["south--friend"], south.PrivateActors);
        Assert.Equal([("asker", "south--friend"), ("south--friend", "target")], south.PrivatePairs);
        Assert.DoesNotContain(("asker", "target"), south.Pairs); // north's tie is not in south's overview at all
        foreach (var other in new[] { _anonymous, _admin })
        {
            var view = await Overview(other);
            Assert.Empty(view.PrivateActors);
            Assert.Empty(view.PrivatePairs);
            Assert.Equal(["asker", "hub", "relay", "target"], view.Ids);
            Assert.Equal([("asker", "hub"), ("hub", "relay"), ("relay", "target")], view.Pairs);
        }
    }
}
