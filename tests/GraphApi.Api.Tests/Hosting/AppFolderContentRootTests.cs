using GraphApi.Hosting;

namespace GraphApi.Api.Tests.Hosting;

/// <summary>When the app's own folder becomes the content root (<see cref="AppFolderContentRoot"/>), and when it does not.</summary>
public sealed class AppFolderContentRootTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "graphapi-contentroot", Guid.NewGuid().ToString("N"));
    private readonly string _app;
    private readonly string _elsewhere;

    public AppFolderContentRootTests()
    {
        _app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        _elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(_app, "appsettings.json"), "{}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string? NoVariables(string name) => null;

    [Fact]
    public void Started_from_a_folder_without_settings_the_app_s_folder_is_the_content_root()
    {
        var args = AppFolderContentRoot.Arguments(["--urls", "http://127.0.0.1:0"], _elsewhere, _app, NoVariables);

        Assert.Equal([$"--contentRoot={_app}", "--urls", "http://127.0.0.1:0"], args);
    }

    [Fact]
    public void Started_from_a_folder_with_its_own_settings_that_folder_stays_the_content_root()
    {
        File.WriteAllText(Path.Combine(_elsewhere, "appsettings.json"), "{}"); // dotnet run's project folder, the container's /app

        Assert.Equal(["--urls", "x"], AppFolderContentRoot.Arguments(["--urls", "x"], _elsewhere, _app, NoVariables));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/graph")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot=/srv/graph")]
    [InlineData("--CONTENTROOT=/srv/graph")]
    public void An_explicit_content_root_argument_decides(string argument)
    {
        Assert.Equal([argument], AppFolderContentRoot.Arguments([argument], _elsewhere, _app, NoVariables));
    }

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void A_content_root_variable_decides(string variable)
    {
        Assert.Empty(AppFolderContentRoot.Arguments([], _elsewhere, _app, name => name == variable ? "/srv/graph" : null));
    }

    [Fact]
    public void Arguments_that_only_mention_the_words_do_not_count_as_a_content_root()
    {
        var args = AppFolderContentRoot.Arguments(["contentRoot=/x", "--urls=http://contentRoot"], _elsewhere, _app, NoVariables);

        Assert.Equal($"--contentRoot={_app}", args[0]);
    }

    [Fact]
    public void Without_settings_beside_the_app_nothing_changes()
    {
        File.Delete(Path.Combine(_app, "appsettings.json"));

        Assert.Empty(AppFolderContentRoot.Arguments([], _elsewhere, _app, NoVariables));
    }
}
