using System.Text.Json.Serialization;
using GraphApi.Actors;
using GraphApi.Analysis;
using GraphApi.Audit;
using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Core.Storage;
using GraphApi.Core.Telemetry;
using GraphApi.Http;
using GraphApi.Http.Input;
using GraphApi.Interchange;
using GraphApi.Neo4j;
using GraphApi.Routes;
using GraphApi.Sqlite;
using GraphApi.Workspaces;
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
        services.AddOptions<Neo4jOptions>().BindConfiguration(Neo4jOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Neo4jOptions>, Neo4jOptionsValidator>();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(RelationshipTypeCatalogue.Default);
        services.AddSingleton(Regions.Default);
        // The audit trail is part of the store: each store writes it in the transaction of the change it records.
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<IGraphStore>());
        services.AddSingleton(sp => StoreProvider.Create<IGraphStore>(sp,
            neo4j: options => Neo4jGraphStore.Create(options, sp.GetRequiredService<RelationshipTypeCatalogue>(), sp.GetRequiredService<ILoggerFactory>()),
            sqlite: path => new SqliteGraphStore(path)));
        services.AddSingleton(CreateGraphService);
        // Analysis columns for exports (?analysis=); further sources (betweenness, brokerage) register the same way.
        services.AddSingleton<IExportColumnSource, DegreeColumns>();
        services.AddSingleton<IExportColumnSource, BetweennessColumns>();
        services.AddSingleton<IExportColumnSource, BrokerageColumns>();
        services.AddSingleton<IExportColumnSource, CommunityColumns>();
        // Route decay measures ages to today; tests pin the date by registering their own TimeProvider.
        services.TryAddSingleton(TimeProvider.System);
        services.AddAnalyses();
        services.AddDomainClosedSets().AddActorOperations().AddAuditLog().AddInterchange().AddWorkspaces();
        services.AddRouteSets();
        services.AddSingleton<EndpointInputs>();
        services.AddSingleton(sp => new JsonBodyCheck(sp.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, sp.GetRequiredService<ClosedSets>()));
        services.AddSingleton<GraphInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphInitializer>());
        services.AddHostedService<SnapshotRefresher>();

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are JSON numbers: the web default also accepted "3" for 3, which made every number in the
            // OpenAPI document "integer or string" for generated clients.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddFiniteJsonNumbers();
        // Bad JSON must reach our exception handler (and become problem+json with a detail) in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("graph", tags: ["ready"]);
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiDocumentInfo>().AddDocumentTransformer<OpenApiContract>().AddDocumentTransformer<GraphApi.Http.OpenApi.OpenApiDescriptionsOnTop>()
            .AddOperationTransformer<OpenApiExamples>().AddSchemaTransformer<OpenApiRequiredFields>()
            .AddOperationTransformer<GraphApi.Http.OpenApi.OpenApiClosedSets>().AddSchemaTransformer<GraphApi.Http.OpenApi.OpenApiClosedSets>()
            .AddOperationTransformer<GraphApi.Http.OpenApi.OpenApiStatuses>().AddOperationTransformer<GraphApi.Http.Csv.OpenApiCsvTables>()
            .AddDocumentTransformer<GraphApi.Http.OpenApi.OpenApiPartialDates>());
        return services;
    }

    private static GraphService CreateGraphService(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<GraphStoreOptions>>().Value;
        var store = sp.GetRequiredService<IGraphStore>();
        var snapshotFile = options.SnapshotFile && store is SqliteGraphStore sqlite ? sqlite.Path + ".snapshot" : null;
        var metrics = sp.GetService<GraphMetrics>();
        var graph = new GraphService(store, sp.GetRequiredService<RelationshipTypeCatalogue>(), sp.GetRequiredService<Regions>(), options.MergeThreshold, snapshotFile, metrics);
        metrics?.Observe(graph);
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<GraphService>();
        graph.MergeFailed += exception => GraphLog.MergeFailed(logger, exception);
        graph.SnapshotFileFailed += exception => GraphLog.SnapshotFileFailed(logger, snapshotFile, exception);
        graph.FellBehind += (lag, exception) => GraphLog.FellBehind(logger, lag.Describe(), exception);
        graph.CaughtUp += version => GraphLog.CaughtUp(logger, version);
        graph.CaughtUpByReloading += (from, to) => GraphLog.CaughtUpByReloading(logger, from, to);
        graph.StoredTextRepaired += records =>
        {
            foreach (var record in records)
            {
                GraphLog.StoredTextRepaired(logger, record.Entity, record.Id);
            }
        };
        return graph;
    }
}

internal static partial class GraphLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Background merge of the snapshot's delta failed; reads keep using the delta and the next write retries")]
    public static partial void MergeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved snapshot {File} could not be used or written; the graph is read from the store instead")]
    public static partial void SnapshotFileFailed(ILogger logger, string? file, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writes answer 503 and reads serve the last good snapshot: {Lag}")]
    public static partial void FellBehind(ILogger logger, string lag, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored {Entity} '{Id}' holds text that is not valid Unicode (bytes that are not UTF-8, or an unpaired surrogate), written around the service; it is served with U+FFFD in its place. Correct it with a PUT or remove it with a DELETE")]
    public static partial void StoredTextRepaired(ILogger logger, string entity, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph in memory caught up with its store at version {Version}: writes are accepted again")]
    public static partial void CaughtUp(ILogger logger, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's change log did not reach back to version {From}: the whole graph was reloaded (at version {To}) instead of applying the changes")]
    public static partial void CaughtUpByReloading(ILogger logger, long from, long to);
}
