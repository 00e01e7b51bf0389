using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>
/// One app and one headless Debian Chromium for all browser tests. Playwright's bundled driver talks to the system
/// binary; nothing is downloaded. When Chromium is not installed nothing starts and every test skips with a reason.
/// </summary>
public class BrowserSession : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("GRAPHAPI_CHROMIUM") ?? "/usr/bin/chromium";

    public static string MissingReason =>
        $"Chromium not found at {ChromiumPath}: install Debian's chromium (apt-get install -y chromium) to run the explorer's browser tests.";

    public static bool Available => File.Exists(ChromiumPath);

    private ExplorerServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Api { get; } = new();

    /// <summary>Settings of the app under test over <see cref="ExplorerServer"/>'s (read-only) defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }
        _server = new ExplorerServer(Settings);
        BaseAddress = _server.Start();
        Api.BaseAddress = BaseAddress;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // WebGL for the overview: without a GPU, Chromium draws it with SwiftShader only when allowed to.
                "--enable-unsafe-swiftshader",
            ],
        });
    }

    /// <summary>A fresh context (own profile, cookies, storage) and page, recording console errors and uncaught exceptions.</summary>
    public async Task<ExplorerPage> OpenAsync(int width = 1600, int height = 900)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        return new ExplorerPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _server?.Dispose();
        Api.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
