using System.Net;
using GraphApi.Api.Tests.Interchange;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.TestSupport;

namespace GraphApi.Api.Tests.Analysis;

/// <summary>
/// An app holding a seeded random graph whose ties are dated at every precision (some undated, some ended), imported
/// through the API, and the reference for any day: the same records filtered by hand and built into a snapshot.
/// </summary>
public sealed class DatedGraphApp : IAsyncLifetime, IDisposable
{
    public GraphApiFactory Factory { get; } = new(seed: false);

    public HttpClient Client => Factory.CreateClient();

    public DatedNetwork Network { get; } = DatedNetwork.Random(40, 120, seed: 2026);

    public IReadOnlyList<Relationship> Ties => Network.Ties;

    public GraphSnapshot FilteredByHand(DateOnly day) => Network.FilteredByHand(day);

    /// <summary>Each tie's first and last day and their neighbours, plus a day before everything and one after.</summary>
    public IEnumerable<DateOnly> Days(int count, int seed)
    {
        var random = new Random(seed);
        var edges = Ties.SelectMany(r => new[] { r.Since?.Start, r.Until?.End.AddDays(1) }).OfType<DateOnly>().ToList();
        return [new DateOnly(2009, 6, 1), new DateOnly(2030, 1, 1), .. Enumerable.Range(0, count).Select(_ => edges[random.Next(edges.Count)])];
    }

    public async Task InitializeAsync()
    {
        var response = await Client.PostJsonAsync("/api/import", new
        {
            actors = Network.Actors.Select(a => new { a.Id, a.Name, a.Kind, a.Country, a.Sectors }),
            relationships = Ties.Select(r => new { r.Id, r.Source, r.Target, r.Type, r.Strength, since = r.Since?.ToString(), until = r.Until?.ToString() }),
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(Ties.Count, Factory.Snapshot().RelationshipCount);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Factory.Dispose();
}
