using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Hosting;

/// <summary>
/// The configuration files are read once, at start, and not watched: watching appsettings.json watched the content root
/// and every folder under it, the store's own folder included, so every write to the store woke a watcher thread.
/// </summary>
public sealed class ConfigurationWatchTests : IDisposable
{
    private readonly GraphApiFactory _factory = new(seed: false);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void The_settings_files_are_read_but_not_watched()
    {
        var configuration = (IConfigurationRoot)_factory.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.Contains(files, f => f.Path == "appsettings.json");
        Assert.Equal("*", configuration["AllowedHosts"]); // from appsettings.json: the file is read
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched for changes"));
    }

    [Fact]
    public async Task The_command_line_tools_do_not_watch_them_either()
    {
        using var cli = await GraphApi.Cli.CliGraph.OpenAsync(_factory.DatabasePath, CancellationToken.None);
        var files = ((IConfigurationRoot)cli.Configuration).Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched for changes"));
    }
}
