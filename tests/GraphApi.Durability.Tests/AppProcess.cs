using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GraphApi.Durability.Tests;

/// <summary>
/// The built GraphApi.dll running as a real process on a loopback port, over a given SQLite file, with a known admin key.
/// <see cref="Crash"/> sends SIGKILL (on Linux, <c>Process.Kill</c> does): no shutdown hook, no flush, like a power cut
/// of the process (not of the machine — the OS keeps its page cache; see docs/performance.md, "Durability").
/// </summary>
public sealed class AppProcess : IDisposable
{
    public const string AdminKey = "durability-admin-key-0123456789";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The folder of the GraphApi.dll these tests start.</summary>
    public static string AppFolder => Path.GetDirectoryName(FindAppDll())!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="environment">More environment variables for the process (a test hook, for instance); they win over the defaults here.</param>
    /// <param name="workingDirectory">The folder it is started from; the app's own folder when null.</param>
    public static async Task<AppProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var port = FreePort();
        var start = StartInfo(["--urls", $"http://127.0.0.1:{port}"], null);
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["GRAPHAPI_ADMIN_KEY"] = AdminKey;
        start.Environment["Sqlite__Path"] = databasePath;
        start.Environment["Seed__Enabled"] = "false";
        start.Environment["GraphStore__RefreshIntervalSeconds"] = "0";
        // Merge the snapshot's delta every few writes, so crashes land in the middle of background merges too.
        start.Environment["GraphStore__MergeThreshold"] = "8";
        start.Environment["RateLimit__ExemptKeys__0"] = "bootstrap-admin";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var app = Launch(start, new Uri($"http://127.0.0.1:{port}/"));
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>Runs the command line (<c>GraphApi.dll import …</c>) as a process of its own until it exits.</summary>
    public static async Task<(int ExitCode, string Output)> RunCliAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout)
    {
        using var cli = Launch(StartInfo(arguments, environment), new Uri("http://127.0.0.1/"));
        var exitCode = await cli.WaitForExitAsync(timeout);
        return (exitCode, cli.Output);
    }

    /// <summary>Waits for the process to end by itself (a test hook kills it) and returns its exit code: 137 after a SIGKILL.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process was still running after {timeout}:\n{Output}");
        }
        _process.WaitForExit(); // returns at once now; makes sure its last output has been read
        return _process.ExitCode;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var dll = FindAppDll();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return start;
    }

    private static AppProcess Launch(ProcessStartInfo start, Uri baseAddress)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>SIGKILL, then wait until the process is gone so the file is free for the next start.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Crash();
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {_process.ExitCode} before it was ready:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or this probe outlived its 5 s on a loaded machine: the deadline above decides.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the app was not ready within 90 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/GraphApi/bin/{the configuration these tests were built in}/net10.0/GraphApi.dll.</summary>
    private static string FindAppDll()
    {
        var testBin = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GraphApi.sln")))
        {
            root = root.Parent;
        }
        var dll = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("no GraphApi.sln above " + testBin.FullName),
            "src", "GraphApi", "bin", configuration, framework, "GraphApi.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build src/GraphApi first", dll);
    }
}
