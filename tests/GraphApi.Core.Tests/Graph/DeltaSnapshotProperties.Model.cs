using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Graph;

public sealed partial class DeltaSnapshotProperties
{
    /// <summary>The records as a dictionary model, and random writes applied both to it and to the snapshot.</summary>
    private sealed class Model(Random random)
    {
        // Text the normaliser refuses or that folds in several steps: search text derived before the commit (the write
        // path) and in a rebuild must agree on it too.
        private static readonly string[] Awkward = ["", "", "", " \uFFFE", " \uD800", " Pe\u0301le", " \u202Egnp", " \uDC00x"];
        private readonly SnapshotRecords _records = new(RelationshipTypeCatalogue.Default, Regions.Default);
        private int _next;

        public Dictionary<string, Actor> Actors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Relationship> Relationships { get; } = new(StringComparer.Ordinal);

        public Actor AddActor()
        {
            // Random two-letter prefixes make new actors land between existing ones in id order.
            var id = $"{(char)('a' + random.Next(26))}{(char)('a' + random.Next(26))}-{_next++}";
            var actor = NewActor(id, id.ToUpperInvariant() + Awkward[random.Next(Awkward.Length)]);
            Actors[id] = actor;
            return actor;
        }

        private Actor NewActor(string id, string name) => new()
        {
            Id = id,
            Name = name,
            Aliases = random.Next(3) == 0 ? ["x" + random.Next(10) + Awkward[random.Next(Awkward.Length)]] : [],
            Kind = Kinds[random.Next(Kinds.Length)],
            Country = Countries[random.Next(Countries.Length)],
        };

        public Relationship? AddRelationship(string? id = null)
        {
            if (Actors.Count < 2)
            {
                return null;
            }
            var ids = Actors.Keys.ToArray();
            var source = ids[random.Next(ids.Length)];
            var target = ids[random.Next(ids.Length)];
            if (source == target)
            {
                return null;
            }
            var relationship = new Relationship
            {
                Id = id ?? $"{(char)('a' + random.Next(26))}r-{_next++}",
                Source = source,
                Target = target,
                Type = Types[random.Next(Types.Length)],
                Strength = random.Next(4) == 0 ? 0.5 : random.Next(6) == 0 ? 1.0 : null,
                Since = random.Next(2) == 0 ? PartialDate.Parse($"{2010 + random.Next(14)}") : null,
            };
            Relationships[relationship.Id] = relationship;
            return relationship;
        }

        public GraphSnapshot RandomWrite(GraphSnapshot snapshot, long version)
        {
            switch (random.Next(7))
            {
                case 0:
                    return Write(snapshot, version, upsertActors: [AddActor()]);
                case 1 when Actors.Count > 0:
                {
                    var old = Pick(Actors);
                    var updated = NewActor(old.Id, random.Next(2) == 0 ? "renamed " + old.Id : old.Name);
                    Actors[old.Id] = updated;
                    return Write(snapshot, version, upsertActors: [updated]);
                }
                case 2 when Actors.Count > 3:
                {
                    var id = Pick(Actors).Id;
                    var removed = Relationships.Values.Where(r => r.Source == id || r.Target == id).Select(r => r.Id).ToList();
                    Actors.Remove(id);
                    foreach (var r in removed)
                    {
                        Relationships.Remove(r);
                    }
                    return Write(snapshot, version, removeActors: [id], removeRelationships: removed);
                }
                case 3 when Relationships.Count > 0:
                {
                    var id = Pick(Relationships).Id;
                    Relationships.Remove(id);
                    return Write(snapshot, version, removeRelationships: [id]);
                }
                case 4 when Relationships.Count > 0:
                {
                    var updated = AddRelationship(Pick(Relationships).Id);
                    return updated is null ? snapshot.WithVersion(version) : Write(snapshot, version, upsertRelationships: [updated]);
                }
                default:
                {
                    // A batch, as an import or a group commit publishes it.
                    var actor = AddActor();
                    var relationships = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => AddRelationship()).OfType<Relationship>().ToList();
                    return Write(snapshot, version, upsertActors: [actor], upsertRelationships: relationships);
                }
            }
        }

        /// <summary>
        /// Half the writes as the write path makes them (records derived beforehand, as before a commit, then only placed:
        /// <see cref="GraphSnapshot.WithPrepared"/>), half through <see cref="GraphSnapshot.With"/>, which derives them itself.
        /// </summary>
        private GraphSnapshot Write(GraphSnapshot snapshot, long version, Actor[]? upsertActors = null, List<string>? removeActors = null,
            List<Relationship>? upsertRelationships = null, List<string>? removeRelationships = null)
        {
            if (random.Next(2) == 0)
            {
                return snapshot.With(version, upsertActors, removeActors, upsertRelationships, removeRelationships);
            }
            // What SnapshotRecords.Prepare derives, without its refusal of unpaired surrogates (the model writes some on
            // purpose, as stores written around the service hold them) and without a region (the model's actors have none).
            return snapshot.WithPrepared(version, (upsertActors ?? []).Select(a => new GraphChange.UpsertActor(ActorEntry.Of(a))), removeActors,
                (upsertRelationships ?? []).Select(r => new GraphChange.UpsertRelationship(r, _records.FieldsButEnds(r))), removeRelationships);
        }

        public RelationshipFields FieldsButEnds(Relationship relationship) => _records.FieldsButEnds(relationship);

        /// <summary>Adds random actors, then random relationships between them, and builds the compact snapshot of version 1 that holds them.</summary>
        public GraphSnapshot Populated(int actors, int relationships)
        {
            for (var i = 0; i < actors; i++)
            {
                AddActor();
            }
            for (var i = 0; i < relationships; i++)
            {
                AddRelationship();
            }
            return GraphSnapshot.Build(Actors.Values, Relationships.Values, 1, RelationshipTypeCatalogue.Default);
        }

        /// <summary>
        /// A batch of random changes as the change log gives them after a crash: no id both removed and upserted (a
        /// batch applies removals first), relationships upserted twice (the later wins), and a removed actor's ties
        /// removed explicitly or left for the batch to drop.
        /// </summary>
        public List<GraphChange> RandomBatch(int size)
        {
            var changes = new List<GraphChange>();
            var removed = new HashSet<string>(StringComparer.Ordinal);  // never upserted again in the batch
            var upserted = new HashSet<string>(StringComparer.Ordinal); // upserted records and their ends: never removed
            void Upsert(Relationship relationship)
            {
                upserted.UnionWith([relationship.Id, relationship.Source, relationship.Target]);
                changes.Add(new GraphChange.UpsertRelationship(relationship, FieldsButEnds(relationship)));
            }
            while (changes.Count < size)
            {
                switch (random.Next(6))
                {
                    case 0 when Actors.Count > 10 && Pick(Actors) is var gone && !upserted.Contains(gone.Id):
                        foreach (var tie in Relationships.Values.Where(r => r.Source == gone.Id || r.Target == gone.Id).ToList())
                        {
                            Relationships.Remove(tie.Id);
                            if (removed.Add(tie.Id) && random.Next(2) == 0)
                            {
                                changes.Add(new GraphChange.RemoveRelationship(tie.Id));
                            }
                        }
                        Actors.Remove(gone.Id);
                        removed.Add(gone.Id);
                        changes.Add(new GraphChange.RemoveActor(gone.Id));
                        break;
                    case 1 when Relationships.Count > 0 && Pick(Relationships) is var cut && !upserted.Contains(cut.Id):
                        Relationships.Remove(cut.Id);
                        removed.Add(cut.Id);
                        changes.Add(new GraphChange.RemoveRelationship(cut.Id));
                        break;
                    case 2 when Actors.Count > 0:
                        var old = Pick(Actors);
                        var renamed = NewActor(old.Id, "renamed " + old.Id);
                        Actors[old.Id] = renamed;
                        upserted.Add(old.Id);
                        changes.Add(new GraphChange.UpsertActor(ActorEntry.Of(renamed)));
                        break;
                    case 3 when Relationships.Count > 0:
                        if (AddRelationship(Pick(Relationships).Id) is { } updated)
                        {
                            Upsert(updated); // possibly a second upsert of the id in this batch: the later wins
                        }
                        break;
                    case 4:
                        var actor = AddActor();
                        upserted.Add(actor.Id);
                        changes.Add(new GraphChange.UpsertActor(ActorEntry.Of(actor)));
                        break;
                    default:
                        if (AddRelationship() is { } added)
                        {
                            Upsert(added);
                        }
                        break;
                }
            }
            return changes;
        }

        private T Pick<T>(Dictionary<string, T> items) => items.Values.ElementAt(random.Next(items.Count));
    }
}
