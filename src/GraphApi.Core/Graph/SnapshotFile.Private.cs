using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>The saved file's section of workspaces' private records, after the public graph's arrays (see <see cref="SnapshotFile"/>).</summary>
internal static partial class SnapshotFile
{
    private static void WritePrivate(BinaryWriter w, GraphSnapshot snapshot)
    {
        var (actors, relationships) = snapshot.PrivateRecordsInOrder();
        w.Write(actors.Count);
        foreach (var actor in actors)
        {
            w.Write(actor.Workspace!);
            WriteActor(w, actor);
        }
        w.Write(relationships.Count);
        foreach (var relationship in relationships)
        {
            // Ends by id: a private relationship may end at a private actor, which has no number in the base.
            w.Write(relationship.Workspace!);
            w.Write(relationship.Id);
            w.Write(relationship.Source);
            w.Write(relationship.Target);
            WriteRelationshipBody(w, relationship);
        }
    }

    private static (List<Actor> Actors, List<Relationship> Relationships) ReadPrivate(BinaryReader r, StringPool pool)
    {
        var actors = new List<Actor>();
        for (var count = r.ReadInt32(); count > 0; count--)
        {
            var workspace = pool.Get(r.ReadString());
            actors.Add(ReadActor(r, pool) with { Workspace = workspace });
        }
        var relationships = new List<Relationship>();
        for (var count = r.ReadInt32(); count > 0; count--)
        {
            var workspace = pool.Get(r.ReadString());
            var id = r.ReadString();
            var source = pool.Get(r.ReadString());
            var target = pool.Get(r.ReadString());
            relationships.Add(ReadRelationshipBody(r, id, source, target, pool) with { Workspace = workspace });
        }
        return (actors, relationships);
    }
}
