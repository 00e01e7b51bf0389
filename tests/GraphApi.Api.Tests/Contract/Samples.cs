namespace GraphApi.Api.Tests.Contract;

/// <summary>
/// A request each operation answers with success, by operationId, made on the app it is sent to (records it needs are
/// created there first). The generic recipes start from these: the same request without a key, with a reader's key,
/// with a text body, over the rate limit … A new operation needs one line here; the contract test says so.
/// </summary>
public static class Samples
{
    private static readonly Dictionary<string, Func<ContractApp, Task<Probe>>> ByOperation = new(StringComparer.Ordinal)
    {
        ["ListActors"] = _ => Get("/api/actors?limit=1"), // a next page, so its Link header is sent
        ["CreateActor"] = _ => Post("/api/actors", $$"""{"id":"{{ContractApp.NewId("new")}}","name":"Contract new","kind":"Company","country":"FR"}"""),
        ["GetActor"] = _ => Get("/api/actors/kicox"),
        ["UpdateActor"] = async app => new Probe(HttpMethod.Put, $"/api/actors/{await app.CreateActorAsync()}", """{"name":"Contract renamed","kind":"Company","country":"FR"}"""),
        ["DeleteActor"] = async app => new Probe(HttpMethod.Delete, $"/api/actors/{await app.CreateActorAsync()}"),
        ["MergeActor"] = async app => new Probe(HttpMethod.Post, $"/api/actors/{await app.CreateActorAsync()}/merge", $$"""{"into":"{{await app.CreateActorAsync()}}"}"""),
        ["GetNeighbourhood"] = _ => Get("/api/actors/kicox/neighbourhood?depth=1"),
        ["ListRelationshipTypes"] = _ => Get("/api/relationship-types"),
        ["GetCatalogues"] = _ => Get("/api/catalogues"),
        ["Import"] = _ => Post("/api/import?dryRun=true", $$"""{"actors":[{"id":"{{ContractApp.NewId("import")}}","name":"Contract import","kind":"Company","country":"FR"}],"relationships":[]}"""),
        ["Export"] = _ => Get("/api/export?format=json&ids=kicox"),
        ["GetOverview"] = _ => Get("/api/overview"),
        ["GetExplorerConfig"] = _ => Get("/api/explorer-config"),
        ["GetCaller"] = _ => Get("/api/me"),
        ["ListRelationships"] = _ => Get("/api/relationships?actor=kicox&limit=1"),
        ["CreateRelationship"] = async app => new Probe(HttpMethod.Post, "/api/relationships",
            $$"""{"id":"{{ContractApp.NewId("new-tie")}}","source":"{{await app.CreateActorAsync()}}","target":"kicox","type":"MOU"}"""),
        ["GetRelationship"] = async app => new Probe(HttpMethod.Get, $"/api/relationships/{await app.CreateTieAsync(await app.CreateActorAsync(), "kicox")}"),
        ["UpdateRelationship"] = async app =>
        {
            var (source, target) = (await app.CreateActorAsync(), await app.CreateActorAsync());
            return new Probe(HttpMethod.Put, $"/api/relationships/{await app.CreateTieAsync(source, target)}", $$"""{"source":"{{source}}","target":"{{target}}","type":"MOU","note":"renewed"}""");
        },
        ["DeleteRelationship"] = async app => new Probe(HttpMethod.Delete, $"/api/relationships/{await app.CreateTieAsync(await app.CreateActorAsync(), "kicox")}"),
        ["ReadAudit"] = _ => Get("/api/audit?limit=1"),
        ["FindIntroductionRoutes"] = _ => Post("/api/routes/introductions", """{"from":["pole-eau"],"to":{"id":"kicox"}}"""),
        ["FindShortestPath"] = _ => Get("/api/routes/shortest?from=pole-eau&to=kicox"),
        ["FindBestNextTie"] = _ => Post("/api/routes/best-next-tie", """{"from":"pole-eau","to":{"kind":"MiniCluster","country":"KR"}}"""),
        ["GetBrokerage"] = _ => Get("/api/analysis/brokerage?limit=1"),
        ["GetCentrality"] = _ => Get("/api/analysis/centrality?measures=degree&limit=1"),
        ["GetGateways"] = _ => Get("/api/analysis/gateways?from=region:EU&to=region:KR"),
        ["GetTimeline"] = _ => Get("/api/analysis/timeline?actors=kicox&measure=degree&from=2016&to=2018"),
        ["GetTimelineYears"] = _ => Get("/api/analysis/years"),
        ["GetCommunities"] = _ => Get("/api/analysis/communities?limit=1"),
        ["ListIntroductions"] = async app =>
        {
            // Two asks and a page of one: a next page, so its Link header is sent.
            await app.AskAsync();
            await app.AskAsync();
            return new Probe(HttpMethod.Get, "/api/introductions?limit=1");
        },
        ["RecordIntroduction"] = async app =>
        {
            var (from, to) = (await app.CreateActorAsync(), await app.CreateActorAsync());
            var tie = await app.CreateTieAsync(from, to);
            return new Probe(HttpMethod.Post, "/api/introductions",
                $$"""{"requester":"{{from}}","target":"{{to}}","route":{"path":["{{from}}","{{to}}"],"relationships":["{{tie}}"]},"date":"2024-04-01"}""");
        },
        ["GetIntroduction"] = async app => new Probe(HttpMethod.Get, $"/api/introductions/{await app.AskAsync()}"),
        ["RecordIntroductionEvent"] = async app => new Probe(HttpMethod.Post, $"/api/introductions/{await app.AskAsync()}/events", """{"type":"forwarded","step":1,"date":"2024-04-02"}"""),
        ["CreateRelationshipFromIntroduction"] = async app =>
        {
            var ask = await app.AskAsync();
            await app.AgreeAsync(ask);
            return new Probe(HttpMethod.Post, $"/api/introductions/{ask}/relationship", "{}");
        },
        // The contract apps' keys reach the public graph only: publishing what is public already is the success they can send.
        ["SetActorVisibility"] = async app => new Probe(HttpMethod.Post, $"/api/actors/{await app.CreateActorAsync()}/visibility", """{"visibility":"public"}"""),
        ["SetRelationshipVisibility"] = async app =>
            new Probe(HttpMethod.Post, $"/api/relationships/{await app.CreateTieAsync(await app.CreateActorAsync(), "kicox")}/visibility", """{"visibility":"public"}"""),
        ["ListWorkspaces"] = _ => Get("/api/workspaces"),
        ["GetWorkspace"] = async app => new Probe(HttpMethod.Get, $"/api/workspaces/{await CreateWorkspaceAsync(app)}"),
        ["CreateWorkspace"] = _ => Post("/api/workspaces", $$"""{"id":"{{ContractApp.NewId("space")}}","name":"Contract workspace"}"""),
        ["RenameWorkspace"] = async app => new Probe(HttpMethod.Patch, $"/api/workspaces/{await CreateWorkspaceAsync(app)}", """{"name":"Renamed"}"""),
        ["DeleteWorkspace"] = async app => new Probe(HttpMethod.Delete, $"/api/workspaces/{await CreateWorkspaceAsync(app)}"),
    };

    /// <summary>Creates a workspace on the app and gives its id.</summary>
    public static async Task<string> CreateWorkspaceAsync(ContractApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var id = ContractApp.NewId("space");
        await app.SendAsync(new Probe(HttpMethod.Post, "/api/workspaces", $$"""{"id":"{{id}}","name":"Contract {{id}}"}"""));
        return id;
    }

    public static bool Has(string operation) => ByOperation.ContainsKey(operation);

    public static Task<Probe> For(ApiOperation operation, ContractApp app)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return ByOperation.TryGetValue(operation.Id, out var sample)
            ? sample(app)
            : throw new InvalidOperationException($"{operation} has no sample request in Contract/Samples.cs");
    }

    private static Task<Probe> Get(string url) => Task.FromResult(new Probe(HttpMethod.Get, url));

    private static Task<Probe> Post(string url, string json) => Task.FromResult(new Probe(HttpMethod.Post, url, json));
}
