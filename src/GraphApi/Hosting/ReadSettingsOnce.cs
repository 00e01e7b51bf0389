namespace GraphApi.Hosting;

/// <summary>
/// Settings (appsettings files, environment variables, arguments) are read once, at start. Watching appsettings.json
/// for changes watches the content root and every folder under it, the store's folder included: each write to the
/// store woke a watcher thread (10–20 % of the write throughput), and launched from a repository the start registered
/// 1,579 folders (docs/performance.md, "The configuration watcher"). <c>--hostBuilder:reloadConfigOnChange=true</c> on
/// the command line turns the watching back on (later arguments win).
/// </summary>
public static class ReadSettingsOnce
{
    public static string[] Arguments(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];
}
