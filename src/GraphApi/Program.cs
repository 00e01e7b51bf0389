using GraphApi.Endpoints;
using GraphApi.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGraphApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "GraphApi v1"));

app.MapActorEndpoints();
app.MapRelationshipEndpoints();
app.MapRouteEndpoints();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

app.Run();

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
