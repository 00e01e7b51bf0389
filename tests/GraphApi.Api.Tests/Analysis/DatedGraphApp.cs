using System.Net;
using GraphApi.Api.Tests.Interchange;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Api.Tests.Analysis;

/// <summary>
/// An app holding a seeded random graph whose ties are dated at every precision (some undated, some ended), imported
/// through the API, and the reference for any day: the same records filtered by hand and built into a snapshot.
/// </summary>
public sealed class DatedGraphApp : IAsyncLifetime, IDisposable
{
    private static readonly string[] Countries = ["FR", "DE", "KR", "KR", "US"];

    public GraphApiFactory Factory { get; } = new(seed: false);

    public HttpClient Client => Factory.CreateClient();

    public List<Actor> Actors { get; } = [];

    public List<Relationship> Ties { get; } = [];

    public GraphSnapshot FilteredByHand(DateOnly day) => GraphSnapshot.Build(Actors, Ties.Where(r =>
        (r.Since is null || r.Since.Value.Start <= day) && (r.Until is null || r.Until.Value.End >= day)), 1, RelationshipTypeCatalogue.Default);

    /// <summary>Each tie's first and last day and their neighbours, plus a day before everything and one after.</summary>
    public IEnumerable<DateOnly> Days(int count, int seed)
    {
        var random = new Random(seed);
        var edges = Ties.SelectMany(r => new[] { r.Since?.Start, r.Until?.End.AddDays(1) }).OfType<DateOnly>().ToList();
        return [new DateOnly(2009, 6, 1), new DateOnly(2030, 1, 1), .. Enumerable.Range(0, count).Select(_ => edges[random.Next(edges.Count)])];
    }

    public async Task InitializeAsync()
    {
        var random = new Random(2026);
        Actors.AddRange(Enumerable.Range(0, 40).Select(i => new Actor
        {
            Id = $"a{i:000}", Name = $"Actor {i}", Kind = "Cluster", Country = Countries[random.Next(Countries.Length)], Sectors = ["water"],
        }).Select(a => a with { Region = Regions.Default.Of(a.Country) }));
        var types = RelationshipTypeCatalogue.Default.All;
        while (Ties.Count < 120)
        {
            var (s, t) = (random.Next(Actors.Count), random.Next(Actors.Count));
            if (s != t)
            {
                var since = random.Next(4) == 0 ? (PartialDate?)null : Date(random, 2010);
                var until = random.Next(3) == 0 ? Date(random, (since?.Year ?? 2010) + 1) : (PartialDate?)null;
                Ties.Add(new Relationship
                {
                    Id = $"r{Ties.Count:0000}", Source = Actors[s].Id, Target = Actors[t].Id, Type = types[random.Next(types.Count)].Name,
                    Since = since, Until = until,
                });
            }
        }
        var response = await Client.PostJsonAsync("/api/import", new
        {
            actors = Actors.Select(a => new { a.Id, a.Name, a.Kind, a.Country, a.Sectors }),
            relationships = Ties.Select(r => new { r.Id, r.Source, r.Target, r.Type, since = r.Since?.ToString(), until = r.Until?.ToString() }),
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(Ties.Count, Factory.Snapshot().RelationshipCount);
    }

    private static PartialDate Date(Random random, int fromYear)
    {
        var year = fromYear + random.Next(7);
        return random.Next(3) switch
        {
            0 => new PartialDate(year),
            1 => new PartialDate(year, 1 + random.Next(12)),
            _ => new PartialDate(year, 1 + random.Next(12), 1 + random.Next(28)),
        };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Factory.Dispose();
}
