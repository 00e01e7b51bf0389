using GraphApi.Actors;
using GraphApi.Analysis;
using GraphApi.Audit;
using GraphApi.Catalogues;
using GraphApi.Cli;
using GraphApi.Explorer;
using GraphApi.Hosting;
using GraphApi.Interchange;
using GraphApi.Introductions;
using GraphApi.Relationships;
using GraphApi.Routes;
using GraphApi.Security;
using GraphApi.Telemetry;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// `import` / `export` work on the embedded store from the command line, without starting the server.
if (CliCommands.IsCommand(args))
{
    return await CliCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(HostArguments.For(args));
// The server starts beside the graph's load; StartGate holds requests until every service has started.
builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
builder.Services.AddGraphApi();
builder.Services.AddGraphApiSecurity();
builder.Services.AddIntroductionLedger();
builder.AddGraphApiTelemetry();
if (BuildTimeDocument.IsGenerating)
{
    BuildTimeDocument.DescribeOnly(builder.Services);
}

var app = builder.Build();
if (!BuildTimeDocument.IsGenerating)
{
    // The graph loads on the thread pool from here on, beside the rest of the start (the server's included).
    _ = app.Services.GetRequiredService<GraphInitializer>().Begin();
}
app.UseMiddleware<StartGate>();
app.UseMiddleware<GraphApi.Http.Caching.HeadRequests>();
app.UseRouting();
app.UseExceptionHandler();
app.UseStatusCodePages(GraphApi.Http.BareStatusProblems.WriteAsync);
app.UseGraphApiSecurity();
app.UseMiddleware<GraphApi.Http.Input.StrictInputMiddleware>();
// The explorer page (wwwroot/index.html at /) and its scripts; wwwroot/lib is filled by npm at build time.
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapOpenApi();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "GraphApi v1"));

// Every operation answers conditional GETs (ETag / If-None-Match → 304) the same way.
var api = app.MapGroup("").AddEndpointFilterFactory(GraphApi.Http.Caching.ConditionalGets.Factory).AddEndpointFilterFactory(GraphApi.Http.PageLinks.Factory);
api.MapActorEndpoints();
api.MapActorMergeEndpoints();
api.MapNeighbourhoodEndpoints();
api.MapRelationshipEndpoints();
api.MapAuditEndpoints();
api.MapImportEndpoints();
api.MapExportEndpoints();
api.MapRouteEndpoints();
api.MapBestNextTieEndpoints();
api.MapAnalysisEndpoints();
api.MapTimelineEndpoints();
api.MapCommunityEndpoints();
api.MapOverviewEndpoints();
api.MapIntroductionEndpoints();
api.MapExplorerConfigEndpoints();
app.MapGraphApiMetrics();
api.MapCatalogueEndpoints();
api.MapWorkspaceEndpoints();
api.MapVisibilityEndpoints();
api.MapCallerEndpoints();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = ReadinessResponse.WriteAsync });

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
