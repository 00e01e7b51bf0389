namespace GraphApi.Hosting;

/// <summary>
/// The content root (where appsettings.json, wwwroot and the default <c>data/</c> folder are looked for) is the folder
/// the app's files are in, wherever it is started from. ASP.NET Core takes the current directory, which is right for
/// <c>dotnet run</c> (the project folder) and the container (<c>WORKDIR /app</c>), but a plain
/// <c>dotnet /opt/graphapi/GraphApi.dll</c> from any other folder (a systemd unit without <c>WorkingDirectory</c>
/// starts in <c>/</c>) found neither the settings file nor the explorer: every request was logged at Information, the
/// explorer answered 404 and the store was created under that folder. So when the current directory holds no
/// appsettings.json and the app's folder does, the app's folder is the content root. An explicit
/// <c>--contentRoot</c> argument or <c>ASPNETCORE_CONTENTROOT</c> / <c>DOTNET_CONTENTROOT</c> still decides.
/// </summary>
public static class AppFolderContentRoot
{
    private const string SettingsFile = "appsettings.json";
    private const string Key = "contentRoot";

    public static string[] Arguments(string[] args, string currentDirectory, string appFolder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var chosen = args.Any(NamesContentRoot)
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (chosen || File.Exists(Path.Combine(currentDirectory, SettingsFile)) || !File.Exists(Path.Combine(appFolder, SettingsFile)))
        {
            return args;
        }
        return [$"--{Key}={appFolder}", .. args];
    }

    // The command line's forms of a key: --contentRoot=…, --contentRoot …, /contentRoot=… (any case).
    private static bool NamesContentRoot(string arg)
    {
        var name = arg.TrimStart('-', '/');
        var end = name.IndexOf('=', StringComparison.Ordinal);
        return name.Length < arg.Length && string.Equals(end < 0 ? name : name[..end], Key, StringComparison.OrdinalIgnoreCase);
    }
}
