using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;
using GraphApi.Hosting;
using GraphApi.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Api.Tests.Hosting;

/// <summary>
/// A store written before the text rule existed, or around the service (the store's bulk path, raw SQL from another
/// tool): the service starts and is ready, names each offending row once in a warning, serves it as stored, and lets it
/// be corrected with a PUT or removed with a DELETE; from the store, and from a saved snapshot plus the change log.
/// </summary>
public sealed class StoredTextStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-stored-text", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "graph.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Actor Actor(string id, string name) => new() { Id = id, Name = name, Kind = "Cluster", Country = "FR" };

    [Fact]
    public async Task A_store_with_text_the_rules_refuse_loads_warns_per_row_and_each_row_can_be_fixed()
    {
        await WriteAroundTheServiceAsync();
        var expected = await RowsBreakingTodaysRulesAsync();

        using var app = new App(DatabasePath, snapshotFile: false);
        var client = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        await app.Factory.Services.GetRequiredService<GraphInitializer>().StoredTextChecked;

        Assert.Equal(expected, app.Logs.WarnedRows("breaks today's rules"));
        Assert.Equal(["actor 'bytes'", "actor 'lone'"], app.Logs.WarnedRows("not valid Unicode"));
        await AssertServedAndFixableAsync(client);
    }

    [Fact]
    public async Task The_same_store_restarted_from_its_saved_snapshot_warns_again_and_lets_rows_be_fixed()
    {
        await WriteAroundTheServiceAsync();
        var expected = await RowsBreakingTodaysRulesAsync();
        using (var first = new App(DatabasePath, snapshotFile: true))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.Factory.CreateClient().GetAsync("/health/ready")).StatusCode);
        } // saves the snapshot at shutdown (if the save after the load has not already)
        SqliteConnection.ClearAllPools();
        Assert.True(File.Exists(DatabasePath + ".snapshot"));

        using var app = new App(DatabasePath, snapshotFile: true);
        var client = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.True(app.Factory.Services.GetRequiredService<GraphService>().LoadedFromSnapshotFile);
        await app.Factory.Services.GetRequiredService<GraphInitializer>().StoredTextChecked;

        Assert.Equal(expected, app.Logs.WarnedRows("breaks today's rules"));
        await AssertServedAndFixableAsync(client);
    }

    /// <summary>
    /// Rows the text rule refuses (some only once the rule covers noncharacters, bidi controls and NFC), through the
    /// store's bulk path, which checks nothing; and two bodies another tool wrote with raw SQL that a JSON reader
    /// refuses: an escaped unpaired surrogate (Python's json module writes those) and bytes that are not UTF-8.
    /// </summary>
    private async Task WriteAroundTheServiceAsync()
    {
        var store = new SqliteGraphStore(DatabasePath);
        await store.InitializeAsync(CancellationToken.None);
        await store.WriteAsync(new StoreWrite.Upsert(
            [
                Actor("fine", "Fine"), Actor("nonchar", "Non\uFFFEcharacter"), Actor("control", "Bell\u0007name"),
                Actor("bidi", "Bidi \u202Egnp.exe"), Actor("decomposed", "Po\u0302le"),
            ],
            [new Relationship { Id = "fine-nonchar", Source = "fine", Target = "nonchar", Type = "MOU", Note = "a NUL \u0000 inside" }]),
            CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        // The store's audit triggers call two functions it registers on its own connections; another tool stands in for them.
        connection.CreateFunction("graphapi_row_audit", () => true, isDeterministic: false);
        connection.CreateFunction("graphapi_change_author", () => "migration-script", isDeterministic: false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO actors (id, revision, body) VALUES ($id, 1, CAST($body AS TEXT))";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Blob);
        (id.Value, body.Value) = ("lone", Encoding.UTF8.GetBytes("""{"id":"lone","name":"Lone \ud800 surrogate","kind":"Cluster","country":"FR"}"""));
        await insert.ExecuteNonQueryAsync();
        byte[] notUtf8 = [.. Encoding.UTF8.GetBytes("""{"id":"bytes","name":"Bad """), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(""" bytes","kind":"Cluster","country":"FR"}""")];
        (id.Value, body.Value) = ("bytes", notUtf8);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Which stored rows the record rules refuse today (more once the text rule covers noncharacters and bidi controls).</summary>
    private async Task<string[]> RowsBreakingTodaysRulesAsync()
    {
        var data = await new SqliteGraphStore(DatabasePath).LoadAsync(CancellationToken.None);
        string[] expected =
        [
            .. data.Actors.Where(a => !ActorRules.Validate(a).IsEmpty).Select(a => $"actor '{a.Id}'"),
            .. data.Relationships.Where(r => !RelationshipRules.Validate(r, RelationshipTypeCatalogue.Default).IsEmpty).Select(r => $"relationship '{r.Id}'"),
        ];
        // Rules as they stand already refuse control characters: the check has rows to find whatever else it covers.
        Assert.Contains("actor 'control'", expected);
        Assert.Contains("relationship 'fine-nonchar'", expected);
        return [.. expected.Order(StringComparer.Ordinal)];
    }

    private static async Task AssertServedAndFixableAsync(HttpClient client)
    {
        var stored = await client.GetAsync("/api/actors/nonchar");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("Non\uFFFEcharacter", (string?)(await stored.ReadJsonAsync())["name"]);
        Assert.Equal(1, (int?)(await (await client.GetAsync("/api/actors?q=non")).ReadJsonAsync())["total"]);
        Assert.Equal("Lone \uFFFD surrogate", (string?)(await (await client.GetAsync("/api/actors/lone")).ReadJsonAsync())["name"]);

        var fix = new HttpRequestMessage(HttpMethod.Put, "/api/actors/nonchar") { Content = JsonContent.Create(new { name = "Noncharacter", kind = "Cluster", country = "FR" }) };
        fix.Headers.IfMatch.Add(stored.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(fix)).StatusCode);
        Assert.Equal("Noncharacter", (string?)(await (await client.GetAsync("/api/actors/nonchar")).ReadJsonAsync())["name"]);
        foreach (var id in new[] { "control", "bidi", "lone", "bytes" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/actors/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/actors/{id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/actors", new { id = "after", name = "After", kind = "Cluster", country = "FR" })).StatusCode);
    }

    /// <summary>The app over the test's database file, its warnings recorded.</summary>
    private sealed class App : IDisposable
    {
        private readonly GraphApiFactory _base = new(seed: false);

        public App(string database, bool snapshotFile)
        {
            _base.Settings["Sqlite:Path"] = database;
            _base.Settings["GraphStore:SnapshotFile"] = snapshotFile ? "true" : "false";
            Factory = _base.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(Logs)));
        }

        public WarningLog Logs { get; } = new();

        public WebApplicationFactory<Program> Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            _base.Dispose();
        }
    }

    /// <summary>Keeps every warning, to count the lines that name each row.</summary>
    private sealed class WarningLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        /// <summary>"actor 'x'" / "relationship 'y'" for each warning containing <paramref name="phrase"/>, in order; a row warned twice shows twice.</summary>
        public string[] WarnedRows(string phrase) =>
        [
            .. _warnings.Where(w => w.Contains(phrase, StringComparison.Ordinal))
                .Select(w => w["Stored ".Length..(w.IndexOf('\'', w.IndexOf('\'') + 1) + 1)])
                .Order(StringComparer.Ordinal),
        ];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (logLevel == LogLevel.Warning && message.StartsWith("Stored ", StringComparison.Ordinal))
            {
                _warnings.Enqueue(message);
            }
        }

        public void Dispose()
        {
        }
    }
}
