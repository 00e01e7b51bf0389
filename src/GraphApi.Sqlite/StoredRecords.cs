using System.Collections.Concurrent;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Sqlite;

/// <summary>Reads stored bodies for a load or a catch-up, noting every record whose text had to be mended to be read.</summary>
internal static class StoredRecords
{
    public static Actor Actor(byte[] body, long revision, ConcurrentQueue<RepairedRecord> repaired)
    {
        var actor = RecordJson.ReadStoredActor(body, out var mended) with { Revision = revision };
        if (mended)
        {
            repaired.Enqueue(new RepairedRecord("actor", actor.Id));
        }
        return actor;
    }

    public static Relationship Relationship(byte[] body, long revision, ConcurrentQueue<RepairedRecord> repaired)
    {
        var relationship = RecordJson.ReadStoredRelationship(body, out var mended) with { Revision = revision };
        if (mended)
        {
            repaired.Enqueue(new RepairedRecord("relationship", relationship.Id));
        }
        return relationship;
    }
}
