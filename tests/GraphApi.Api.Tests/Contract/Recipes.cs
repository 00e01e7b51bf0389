using GraphApi.Api.Tests.Security;
using GraphApi.Core.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Contract;

/// <summary>Drives <paramref name="operation"/> into one status on one of the contract's apps; returns the answer.</summary>
public delegate Task<HttpResponseMessage> Recipe(ContractApps apps, ApiOperation operation);

/// <summary>A recipe that cannot run on this machine (e.g. no root to mount a read-only disk); the reason says why.</summary>
public sealed class RecipeUnavailableException(string reason) : Exception(reason);

/// <summary>
/// How to reach each declared status: generic recipes by status, from the operation's sample request (Samples.cs),
/// and operation-specific ones for the statuses only some operations have (301, 404, 409, 410, 412 …). A declared
/// status with neither fails the contract test: declaring a status is never free. Add a line to <see cref="Specific"/>
/// when an operation declares a new one.
/// </summary>
public static class Recipes
{
    public const string UnknownKey = "contract-unknown-key-0123456789";
    private const string Missing = "contract-no-such-record";

    private static readonly Dictionary<int, Recipe> Generic = new()
    {
        [200] = Success,
        [201] = Success,
        [204] = Success,
        [304] = NotModified,
        [400] = async (apps, op) => await apps.Main.SendAsync((await Samples.For(op, apps.Main)).WithQuery("contractProbe=1")),
        [401] = async (apps, op) => await apps.Main.SendAsync(await Samples.For(op, apps.Main), key: UnknownKey),
        [403] = async (apps, op) => await apps.Main.SendAsync(await Samples.For(op, apps.Main), key: TestKeys.Reader),
        [413] = async (apps, op) => await apps.SmallBodies.SendAsync(await Samples.For(op, apps.SmallBodies), body: $$"""{"padding":"{{new string('x', 4096)}}"}"""),
        [415] = async (apps, op) => await apps.Main.SendAsync(await Samples.For(op, apps.Main), contentType: "text/plain", body: "name=Contract"),
        [429] = OverTheRateLimit,
        [503] = Unavailable,
    };

    private static readonly Dictionary<(string Operation, int Status), Recipe> Specific = new()
    {
        [("GetActor", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/actors/{Missing}")),
        [("GetActor", 410)] = async (apps, _) =>
        {
            var (merged, into) = (await apps.Main.CreateActorAsync(), await apps.Main.CreateActorAsync());
            await apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/actors/{merged}/merge", $$"""{"into":"{{into}}"}"""));
            await apps.Main.SendAsync(new Probe(HttpMethod.Delete, $"/api/actors/{into}"));
            return await apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/actors/{merged}"));
        },
        [("UpdateActor", 412)] = StaleRevision,
        [("DeleteActor", 412)] = StaleRevision,
        [("MergeActor", 412)] = StaleRevision,
        [("UpdateRelationship", 412)] = StaleRevision,
        [("DeleteRelationship", 412)] = StaleRevision,
        [("MergeActor", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/actors/{Missing}/merge", """{"into":"kicox"}""")),
        [("CreateActor", 409)] = async (apps, _) =>
            await apps.Main.SendAsync(new Probe(HttpMethod.Post, "/api/actors", $$"""{"id":"{{await apps.Main.CreateActorAsync()}}","name":"Taken","kind":"Company","country":"FR"}""")),
        [("GetActor", 301)] = async (apps, _) =>
        {
            var (merged, into) = (await apps.Main.CreateActorAsync(), await apps.Main.CreateActorAsync());
            await apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/actors/{merged}/merge", $$"""{"into":"{{into}}"}"""));
            return await apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/actors/{merged}"));
        },
        [("UpdateActor", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Put, $"/api/actors/{Missing}", """{"name":"Nobody","kind":"Company","country":"FR"}""")),
        [("DeleteActor", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Delete, $"/api/actors/{Missing}")),
        [("GetNeighbourhood", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/actors/{Missing}/neighbourhood")),
        [("ListRelationships", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/relationships?actor={Missing}")),
        [("CreateRelationship", 409)] = async (apps, _) =>
        {
            var (source, target) = (await apps.Main.CreateActorAsync(), await apps.Main.CreateActorAsync());
            return await apps.Main.SendAsync(new Probe(HttpMethod.Post, "/api/relationships",
                $$"""{"id":"{{await apps.Main.CreateTieAsync(source, target)}}","source":"{{source}}","target":"{{target}}","type":"MOU"}"""));
        },
        [("UpdateRelationship", 404)] = async (apps, _) =>
        {
            var (source, target) = (await apps.Main.CreateActorAsync(), await apps.Main.CreateActorAsync());
            return await apps.Main.SendAsync(new Probe(HttpMethod.Put, $"/api/relationships/{Missing}", $$"""{"source":"{{source}}","target":"{{target}}","type":"MOU"}"""));
        },
        [("DeleteRelationship", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Delete, $"/api/relationships/{Missing}")),
        [("FindIntroductionRoutes", 404)] = (apps, _) =>
            apps.Main.SendAsync(new Probe(HttpMethod.Post, "/api/routes/introductions", $$$"""{"from":["{{{Missing}}}"],"to":{"id":"kicox"}}""")),
        [("FindShortestPath", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/routes/shortest?from={Missing}&to=kicox")),
        [("FindBestNextTie", 404)] = (apps, _) =>
            apps.Main.SendAsync(new Probe(HttpMethod.Post, "/api/routes/best-next-tie", $$$"""{"from":"{{{Missing}}}","to":{"kind":"MiniCluster"}}""")),
        [("GetBrokerage", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/analysis/brokerage?actors={Missing}")),
        [("GetCentrality", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/analysis/centrality?actors={Missing}")),
        [("GetCommunities", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/analysis/communities?actors={Missing}")),
        [("GetTimeline", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/analysis/timeline?actors={Missing}&measure=degree&from=2016&to=2018")),
        [("ListIntroductions", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/introductions?requester={Missing}")),
        [("GetRelationship", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/relationships/{Missing}")),
        [("Export", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/export?format=json&actor={Missing}")),
        [("Export", 503)] = (apps, _) => WithEveryAnalysisSlotTaken(apps, new Probe(HttpMethod.Get, "/api/export?format=json&analysis=betweenness")),
        [("Import", 503)] = (apps, _) => WithTheStoreReadOnly(apps, _ => Task.FromResult(new Probe(HttpMethod.Post, "/api/import",
            $$"""{"actors":[{"id":"{{ContractApp.NewId("import")}}","name":"Contract import","kind":"Company","country":"FR"}],"relationships":[]}"""))),
        [("RecordIntroduction", 404)] = async (apps, _) =>
        {
            var (from, to) = (await apps.Main.CreateActorAsync(), await apps.Main.CreateActorAsync());
            var tie = await apps.Main.CreateTieAsync(from, to);
            return await apps.Main.SendAsync(new Probe(HttpMethod.Post, "/api/introductions",
                $$"""{"requester":"{{Missing}}","target":"{{to}}","route":{"path":["{{Missing}}","{{to}}"],"relationships":["{{tie}}"]},"date":"2024-04-01"}"""));
        },
        [("GetIntroduction", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/introductions/{Missing}")),
        [("RecordIntroductionEvent", 404)] = (apps, _) =>
            apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/introductions/{Missing}/events", """{"type":"agreement","date":"2024-04-02"}""")),
        [("RecordIntroductionEvent", 409)] = async (apps, _) =>
        {
            var ask = await apps.Main.AskAsync();
            await apps.Main.AgreeAsync(ask);
            return await apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/introductions/{ask}/events", """{"type":"agreement","date":"2024-04-05"}"""));
        },
        [("SetActorVisibility", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/actors/{Missing}/visibility", """{"visibility":"public"}""")),
        [("SetRelationshipVisibility", 404)] = (apps, _) =>
            apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/relationships/{Missing}/visibility", """{"visibility":"public"}""")),
        [("SetActorVisibility", 412)] = StaleRevision,
        [("SetRelationshipVisibility", 412)] = StaleRevision,
        [("GetWorkspace", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Get, $"/api/workspaces/{Missing}")),
        [("RenameWorkspace", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Patch, $"/api/workspaces/{Missing}", """{"name":"Nobody"}""")),
        [("DeleteWorkspace", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Delete, $"/api/workspaces/{Missing}")),
        [("RenameWorkspace", 412)] = StaleRevision,
        [("DeleteWorkspace", 412)] = StaleRevision,
        [("CreateWorkspace", 409)] = async (apps, _) =>
            await apps.Main.SendAsync(new Probe(HttpMethod.Post, "/api/workspaces", $$"""{"id":"{{await Samples.CreateWorkspaceAsync(apps.Main)}}","name":"Taken"}""")),
        [("CreateRelationshipFromIntroduction", 404)] = (apps, _) => apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/introductions/{Missing}/relationship", "{}")),
        [("CreateRelationshipFromIntroduction", 409)] = async (apps, _) =>
            await apps.Main.SendAsync(new Probe(HttpMethod.Post, $"/api/introductions/{await apps.Main.AskAsync()}/relationship", "{}")),
    };

    /// <summary>The recipe for <paramref name="status"/> on <paramref name="operation"/>, or null when there is none.</summary>
    public static Recipe? For(ApiOperation operation, int status)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Specific.GetValueOrDefault((operation.Id, status)) ?? Generic.GetValueOrDefault(status);
    }

    private static async Task<HttpResponseMessage> Success(ContractApps apps, ApiOperation operation) =>
        await apps.Main.SendAsync(await Samples.For(operation, apps.Main));

    /// <summary>The same GET again with the ETag of its first answer in If-None-Match.</summary>
    private static async Task<HttpResponseMessage> NotModified(ContractApps apps, ApiOperation operation)
    {
        var probe = await Samples.For(operation, apps.Main);
        var first = await apps.Main.SendAsync(probe);
        var etag = first.Headers.ETag ?? throw new InvalidOperationException($"{probe} answered {(int)first.StatusCode} without an ETag to send back");
        return await apps.Main.SendAsync(probe, configure: request => request.Headers.IfNoneMatch.Add(etag));
    }

    /// <summary>If-Match with a revision the record never had.</summary>
    private static async Task<HttpResponseMessage> StaleRevision(ContractApps apps, ApiOperation operation) =>
        await apps.Main.SendAsync(await Samples.For(operation, apps.Main), configure: request => request.Headers.TryAddWithoutValidation("If-Match", "\"987654321\""));

    /// <summary>A caller (a reader's key, not exempt) on an app that allows one request per hour: the second or third is refused.</summary>
    private static async Task<HttpResponseMessage> OverTheRateLimit(ContractApps apps, ApiOperation operation)
    {
        var probe = await Samples.For(operation, apps.OneRequest);
        for (var attempt = 1; ; attempt++)
        {
            var response = await apps.OneRequest.SendAsync(probe, key: TestKeys.Reader);
            if ((int)response.StatusCode == 429 || attempt == 3)
            {
                return response;
            }
        }
    }

    /// <summary>Analyses (and what computes one) meet a full slot cap; every other operation meets a store that cannot take writes.</summary>
    private static async Task<HttpResponseMessage> Unavailable(ContractApps apps, ApiOperation operation)
    {
        return operation.Method == "GET"
            ? await WithEveryAnalysisSlotTaken(apps, await Samples.For(operation, apps.OneSlot))
            : await WithTheStoreReadOnly(apps, app => Samples.For(operation, app));
    }

    /// <summary>The probe (made while the store can still be written) sent while its disk is read-only.</summary>
    private static async Task<HttpResponseMessage> WithTheStoreReadOnly(ContractApps apps, Func<ContractApp, Task<Probe>> make)
    {
        var store = apps.ReadOnlyStore ?? throw new RecipeUnavailableException(apps.ReadOnlyStoreUnavailable!);
        var probe = await make(store.App);
        store.Disk.MakeReadOnly(true);
        try
        {
            return await store.App.SendAsync(probe);
        }
        finally
        {
            store.Disk.MakeReadOnly(false);
        }
    }

    private static async Task<HttpResponseMessage> WithEveryAnalysisSlotTaken(ContractApps apps, Probe probe)
    {
        var slots = apps.OneSlot.Factory.Services.GetRequiredService<AnalysisSlots>();
        using (await slots.EnterAsync("the contract test", CancellationToken.None))
        {
            return await apps.OneSlot.SendAsync(probe);
        }
    }
}
