using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Api.Tests.Security;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>A writable app that accepts <see cref="TestIssuer"/>'s tokens and lets the explorer sign in there.</summary>
public sealed class SignInBrowserSession : BrowserSession, IAsyncLifetime
{
    public const string AdminKey = "sign-in-browser-admin-key-0123456789";

    public TestIssuer Issuer { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Security:ReadOnly"] = "false",
        ["GRAPHAPI_ADMIN_KEY"] = AdminKey,
        ["Security:Jwt:Authority"] = Issuer.Authority,
        ["Security:Jwt:Audience"] = TestIssuer.Audience,
        ["Security:Jwt:RequireHttpsMetadata"] = "false",
        ["Security:Jwt:RoleClaim"] = "realm_access.roles",
        ["Security:Jwt:RoleMap:graphapi-editor"] = "editor",
        ["Security:Jwt:Explorer:ClientId"] = TestIssuer.ExplorerClientId,
    };

    // The issuer must listen before the app is configured with its address.
    public new async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

/// <summary>The explorer signs in with the authorization code flow + PKCE and writes with the token it gets.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInTests(SignInBrowserSession session) : IClassFixture<SignInBrowserSession>
{
    [SkippableFact]
    public async Task Signing_in_replaces_the_key_box_and_writes_are_recorded_under_the_token_subject()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        session.Issuer.SignInAs = ("explorer-editor-7", ["graphapi-editor"]);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;

        await page.Locator("#sign-in-button").ClickAsync();
        // Off to the provider and back with a code; the page exchanges it (PKCE) and shows who is signed in.
        await page.Locator("#sign-out").WaitForAsync();
        Assert.Equal(session.BaseAddress.ToString(), page.Url);
        Assert.Contains("Signed in as user-explorer-editor-7", await page.Locator("#sign-in").TextContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Ledger" }).ClickAsync();
        Assert.True(await page.Locator("#api-key").IsHiddenAsync());

        var created = await page.EvaluateAsync<string>("""
            async () => {
              const { api, data } = await import('/js/api.js');
              const actor = await data(api.POST('/api/actors', { body: { id: 'signed-in-actor', name: 'Signed in', kind: 'Company', country: 'FR' } }));
              return actor.id;
            }
            """);
        Assert.Equal("signed-in-actor", created);
        using var audit = new HttpRequestMessage(HttpMethod.Get, "/api/audit?entityId=signed-in-actor");
        audit.Headers.Add("X-Api-Key", SignInBrowserSession.AdminKey);
        var entries = await (await session.Api.SendAsync(audit)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("explorer-editor-7", entries.GetProperty("items")[0].GetProperty("who").GetString());
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("signed-in.png") });
        await explorer.AssertNoErrorsAsync();
    }
}

/// <summary>Without an identity provider the page keeps its key box and offers no sign-in.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KeyFallbackTests(BrowserSession session)
{
    [SkippableFact]
    public async Task Without_a_provider_there_is_no_sign_in_and_the_key_box_stays()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        var page = explorer.Page;
        // The page has read its sign-in setup (and found no provider) before anything is looked at.
        await page.RunAndWaitForResponseAsync(() => explorer.LoadAsync(), response => response.Url.EndsWith("/api/explorer-config", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Ledger" }).ClickAsync();
        Assert.True(await page.Locator("#api-key").IsVisibleAsync());
        Assert.True(await page.Locator("#sign-in").IsHiddenAsync());
        await explorer.AssertNoErrorsAsync();
    }
}
