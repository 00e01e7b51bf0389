using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>
/// Each kind of write (<see cref="IStoreWriter"/>) inside one open transaction, logged under its version: the
/// statements, the revision checks and the change log; the transaction's owner commits (<see cref="SqliteGraphStore"/>).
/// The row triggers write the audit trail.
/// </summary>
internal sealed partial class SqliteWriter(WriteTransaction w) : IStoreWriter
{
    /// <summary>An upsert of more rows than this gets the large page cache (<see cref="SqliteBulkWriter.StartAsync"/>).</summary>
    private const int BulkRows = 10_000;

    public async Task<Committed<Actor>> CreateActorAsync(StoreWrite.CreateActor write, CancellationToken cancellationToken)
    {
        var actor = write.Actor;
        if (await RevisionOfAsync("actors", actor.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new StoreConflictException($"an actor with id '{actor.Id}' already exists");
        }
        var stored = actor with { Revision = 1 };
        await ExecuteAsync(w.Connection, w.Transaction, "INSERT INTO actors (id, revision, body) VALUES ($id, 1, $body)", cancellationToken,
            ("$id", actor.Id), ("$body", RecordJson.Write(stored))).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Actor, [actor.Id], cancellationToken).ConfigureAwait(false);
        return new Committed<Actor>(stored, w.Version);
    }

    public Task<Committed<Actor>> UpdateActorAsync(StoreWrite.UpdateActor write, CancellationToken cancellationToken) =>
        UpdateActorAsync(write.Actor, write.ExpectedRevision, cancellationToken);

    public async Task<Committed<ActorDeletion>> DeleteActorAsync(StoreWrite.DeleteActor write, CancellationToken cancellationToken)
    {
        var deletion = await DeleteActorAsync(write.Id, write.ExpectedRevision, cancellationToken).ConfigureAwait(false);
        return new Committed<ActorDeletion>(deletion, w.Version);
    }

    public async Task<Committed<Relationship>> CreateRelationshipAsync(StoreWrite.CreateRelationship write, CancellationToken cancellationToken)
    {
        var relationship = write.Relationship;
        if (await RevisionOfAsync("relationships", relationship.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new StoreConflictException($"a relationship with id '{relationship.Id}' already exists");
        }
        await CheckEndsAsync(relationship, cancellationToken).ConfigureAwait(false);
        var stored = relationship with { Revision = 1 };
        await WriteRelationshipAsync(stored, insert: true, cancellationToken).ConfigureAwait(false);
        return new Committed<Relationship>(stored, w.Version);
    }

    public async Task<Committed<Relationship>> UpdateRelationshipAsync(StoreWrite.UpdateRelationship write, CancellationToken cancellationToken)
    {
        var relationship = write.Relationship;
        var revision = await CheckRevisionAsync("relationships", "relationship", relationship.Id, write.ExpectedRevision, cancellationToken).ConfigureAwait(false);
        await CheckEndsAsync(relationship, cancellationToken).ConfigureAwait(false);
        var stored = relationship with { Revision = revision + 1 };
        await WriteRelationshipAsync(stored, insert: false, cancellationToken).ConfigureAwait(false);
        return new Committed<Relationship>(stored, w.Version);
    }

    public async Task<Committed<RelationshipDeletion>> DeleteRelationshipAsync(StoreWrite.DeleteRelationship write, CancellationToken cancellationToken)
    {
        await DeleteRelationshipAsync(write.Id, write.ExpectedRevision, cancellationToken).ConfigureAwait(false);
        return new Committed<RelationshipDeletion>(new RelationshipDeletion(write.Id), w.Version);
    }

    public async Task<Committed<Upserted>> UpsertAsync(StoreWrite.Upsert write, CancellationToken cancellationToken)
    {
        await UpsertAsync(write.Actors, write.Relationships, cancellationToken).ConfigureAwait(false);
        return new Committed<Upserted>(new Upserted(write.Actors.Count, write.Relationships.Count), w.Version);
    }

    /// <summary>Inserts or replaces every row with the bulk writer's statements (the seed uses it too).</summary>
    public async Task UpsertAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken)
    {
        var large = actors.Count + relationships.Count > BulkRows;
        await using var writer = await SqliteBulkWriter.StartAsync(w, ChangeAuthor.Name, large, cancellationToken).ConfigureAwait(false);
        foreach (var actor in actors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Add(actor);
        }
        foreach (var relationship in relationships)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Add(relationship);
        }
        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Committed<Actor>> UpdateActorAsync(Actor actor, long? expectedRevision, CancellationToken cancellationToken)
    {
        var revision = await CheckRevisionAsync("actors", "actor", actor.Id, expectedRevision, cancellationToken).ConfigureAwait(false);
        var stored = actor with { Revision = revision + 1 };
        await ExecuteAsync(w.Connection, w.Transaction, "UPDATE actors SET revision = $revision, body = $body WHERE id = $id", cancellationToken,
            ("$id", actor.Id), ("$revision", stored.Revision), ("$body", RecordJson.Write(stored))).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Actor, [actor.Id], cancellationToken).ConfigureAwait(false);
        return new Committed<Actor>(stored, w.Version);
    }

    private async Task<ActorDeletion> DeleteActorAsync(string id, long? expectedRevision, CancellationToken cancellationToken)
    {
        await CheckRevisionAsync("actors", "actor", id, expectedRevision, cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        await using (var command = Command(w.Connection, w.Transaction,
            "SELECT id FROM relationships WHERE source = $id OR target = $id ORDER BY id", ("$id", id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                removed.Add(reader.GetString(0));
            }
        }
        await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM relationships WHERE source = $id OR target = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM actors WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Relationship, removed, cancellationToken).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Actor, [id], cancellationToken).ConfigureAwait(false);
        return new ActorDeletion(id, removed, w.Version);
    }

    private async Task DeleteRelationshipAsync(string id, long? expectedRevision, CancellationToken cancellationToken)
    {
        await CheckRevisionAsync("relationships", "relationship", id, expectedRevision, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM relationships WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Relationship, [id], cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteRelationshipAsync(Relationship r, bool insert, CancellationToken cancellationToken)
    {
        var sql = insert
            ? "INSERT INTO relationships (id, source, target, type, revision, body) VALUES ($id, $source, $target, $type, $revision, $body)"
            : "UPDATE relationships SET source = $source, target = $target, type = $type, revision = $revision, body = $body WHERE id = $id";
        await ExecuteAsync(w.Connection, w.Transaction, sql, cancellationToken, ("$id", r.Id), ("$source", r.Source), ("$target", r.Target),
            ("$type", r.Type), ("$revision", r.Revision), ("$body", RecordJson.Write(r))).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Relationship, [r.Id], cancellationToken).ConfigureAwait(false);
    }

    private async Task CheckEndsAsync(Relationship relationship, CancellationToken cancellationToken)
    {
        foreach (var end in new[] { relationship.Source, relationship.Target })
        {
            if (await RevisionOfAsync("actors", end, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new StoreReferenceException($"no actor '{end}' exists");
            }
        }
    }

    private async Task<long> CheckRevisionAsync(string table, string noun, string id, long? expectedRevision, CancellationToken cancellationToken)
    {
        var revision = await RevisionOfAsync(table, id, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreNotFoundException($"no {noun} '{id}' exists");
        if (expectedRevision is { } expected && expected != revision)
        {
            throw new StorePreconditionException($"{noun} '{id}' is at revision {revision}, not {expected}: it changed since you read it");
        }
        return revision;
    }

    private async Task<long?> RevisionOfAsync(string table, string id, CancellationToken cancellationToken)
    {
        // table is one of two constants chosen by this class, never caller input.
        await using var command = Command(w.Connection, w.Transaction, $"SELECT revision FROM {table} WHERE id = $id", ("$id", id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision ? revision : null;
    }

    private Task LogAsync(string entity, IEnumerable<string> ids, CancellationToken cancellationToken) =>
        SqliteChangeLog.LogAsync(w.Connection, w.Transaction, w.Version, entity, ids, cancellationToken);
}
