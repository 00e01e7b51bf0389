using System.Text.Json.Serialization;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;
using GraphApi.Sqlite;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

public static class ServiceRegistration
{
    public static IServiceCollection AddGraphApi(this IServiceCollection services)
    {
        services.AddOptions<GraphStoreOptions>().BindConfiguration(GraphStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SqliteOptions>().BindConfiguration(SqliteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(RelationshipTypeCatalogue.Default);
        services.AddSingleton(Regions.Default);
        services.AddSingleton<IGraphStore>(sp =>
        {
            var path = sp.GetRequiredService<IOptions<SqliteOptions>>().Value.Path;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new SqliteGraphStore(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
        });
        services.AddSingleton<GraphService>();
        // Route decay measures ages to today; tests pin the date by registering their own TimeProvider.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GraphInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphInitializer>());
        services.AddHostedService<SnapshotRefresher>();

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        // Bad JSON must reach our exception handler (and become problem+json with a detail) in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("graph", tags: ["ready"]);
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiDocumentInfo>().AddOperationTransformer<OpenApiExamples>());
        return services;
    }
}
