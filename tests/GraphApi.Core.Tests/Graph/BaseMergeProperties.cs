using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Graph;

/// <summary>
/// A large batch of changes onto a compact snapshot (a crash's change log replayed at start, a big import) is merged
/// into a new base instead of placed one by one: the merged snapshot must read exactly like the same changes placed
/// one at a time, and its base must equal, array for array, the base built from the records the changes leave.
/// </summary>
public sealed partial class DeltaSnapshotProperties
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public void A_large_batch_onto_a_compact_snapshot_merges_into_the_base_a_rebuild_gives(int seed)
    {
        var random = new Random(seed);
        var model = new Model(random);
        var snapshot = model.Populated(300, 900);
        var changes = model.RandomBatch(1100 + random.Next(400));

        var merged = snapshot.WithPrepared(2, changes.OfType<GraphChange.UpsertActor>(), changes.OfType<GraphChange.RemoveActor>().Select(c => c.Id),
            changes.OfType<GraphChange.UpsertRelationship>(), changes.OfType<GraphChange.RemoveRelationship>().Select(c => c.Id));
        var placed = snapshot.Apply(2, Ordered(changes));
        var rebuilt = GraphSnapshot.Build(model.Actors.Values, model.Relationships.Values, 2, RelationshipTypeCatalogue.Default);

        var context = $"seed {seed}";
        Assert.True(merged.IsCompact, $"{context}: the batch was placed one by one, not merged");
        AssertSameBase(rebuilt, merged, context);
        AssertSameRecords(rebuilt, merged, context);
        AssertSameRecords(placed, merged, context);
        // Neighbours compare record instances: placed one by one, an actor upserted twice with equal values keeps the
        // first instance (a persistent map keeps an equal value), the merge and the rebuild the last.
        AssertSameNeighbours(rebuilt, merged, context);
        AssertSameSearches(placed, merged, random, context);
        AssertSameRoutes(placed, merged, random, context);
    }

    [Fact]
    public void A_merged_batch_keeps_the_rule_that_removals_come_before_upserts()
    {
        var random = new Random(21);
        var model = new Model(random);
        var snapshot = model.Populated(200, 600);
        // An actor removed and upserted again in one batch comes back without its old ties; a tie removed and upserted
        // again comes back as upserted; filler upserts take the batch past the merge threshold.
        var returning = model.Actors.Values.First(a => model.Relationships.Values.Any(r => r.Source == a.Id || r.Target == a.Id));
        var tie = model.Relationships.Values.First(r => r.Source != returning.Id && r.Target != returning.Id);
        foreach (var orphan in model.Relationships.Values.Where(r => r.Source == returning.Id || r.Target == returning.Id).ToList())
        {
            model.Relationships.Remove(orphan.Id);
        }
        var upserts = Enumerable.Range(0, 1100).Select(_ => model.AddActor()).Append(returning).Select(a => new GraphChange.UpsertActor(ActorEntry.Of(a))).ToList();
        var merged = snapshot.WithPrepared(2, upserts, [returning.Id], [new GraphChange.UpsertRelationship(tie, model.FieldsButEnds(tie))], [tie.Id]);

        Assert.True(merged.IsCompact);
        Assert.Same(returning, merged.FindActor(returning.Id));
        Assert.Empty(merged.RelationshipsOf(returning.Id));
        Assert.Same(tie, merged.FindRelationship(tie.Id));
        AssertSameBase(GraphSnapshot.Build(model.Actors.Values, model.Relationships.Values, 2, RelationshipTypeCatalogue.Default), merged, "remove then upsert");
    }

    /// <summary>The order <see cref="GraphSnapshot.WithPrepared"/> gives a batch: relationship removals, actor removals, upserts.</summary>
    private static List<GraphChange> Ordered(List<GraphChange> changes) =>
    [
        .. changes.OfType<GraphChange.RemoveRelationship>(),
        .. changes.OfType<GraphChange.RemoveActor>(),
        .. changes.OfType<GraphChange.UpsertActor>(),
        .. changes.OfType<GraphChange.UpsertRelationship>(),
    ];
}
