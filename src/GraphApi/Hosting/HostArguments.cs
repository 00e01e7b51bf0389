namespace GraphApi.Hosting;

/// <summary>
/// What every host of this app (the service and the command-line tools) starts with besides the caller's arguments:
/// settings read once (<see cref="ReadSettingsOnce"/>) and the app's own folder as content root when it is started from
/// another (<see cref="AppFolderContentRoot"/>), so the service and an import find the same settings and the same store.
/// </summary>
public static class HostArguments
{
    public static string[] For(string[] args) => ReadSettingsOnce.Arguments(
        AppFolderContentRoot.Arguments(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable));
}
