using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GraphApi.Cli;

/// <summary>
/// The same services the server uses (store choice, catalogue, regions, JSON shape, analysis columns), built from the
/// same configuration but never started: no web server, no seeding, no background refresh.
/// </summary>
public sealed class CliGraph : IDisposable
{
    private readonly IHost _host;

    private CliGraph(IHost host) => _host = host;

    public GraphService Graph => _host.Services.GetRequiredService<GraphService>();

    public IEnumerable<IExportColumnSource> ColumnSources => _host.Services.GetServices<IExportColumnSource>();

    /// <summary>The settings the command runs with (read once and from the same content root as the service's: <see cref="Hosting.HostArguments"/>).</summary>
    internal IConfiguration Configuration => _host.Services.GetRequiredService<IConfiguration>();

    public System.Text.Json.JsonSerializerOptions Json => _host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    public static async Task<CliGraph> OpenAsync(string? dbPath, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = Hosting.HostArguments.For([]) });
        builder.Logging.ClearProviders();
        if (dbPath is not null)
        {
            builder.Configuration[$"{SqliteOptions.Section}:Path"] = Path.GetFullPath(dbPath);
        }
        builder.Services.AddGraphApi();
        var cli = new CliGraph(builder.Build());
        await cli.Graph.Store.InitializeAsync(cancellationToken);
        await cli.Graph.ReloadAsync(cancellationToken);
        return cli;
    }

    public void Dispose() => _host.Dispose();
}
