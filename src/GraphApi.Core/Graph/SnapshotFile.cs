using System.Runtime.CompilerServices;
using System.Text;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// A compact snapshot saved to a file, so a restart need not parse every stored body again: the records and the
/// base's arrays as they are in memory. The file is only a cache of the store: its header names the store it was
/// taken from (the store's identity), the store version it shows and the relationship-type catalogue it was built
/// with, and a reader that finds any of them different, or anything unreadable, gets nothing and loads the store.
/// Changes committed after the file's version come from the store's change log. Workspaces' private records follow the
/// public graph's arrays as records (they are few and are an overlay in memory too), each with its workspace.
/// </summary>
internal static partial class SnapshotFile
{
    private const string Magic = "GRAPHAPI-SNAPSHOT";
    private const int FormatVersion = 3;

    /// <summary>Writes a compact snapshot (<see cref="GraphSnapshot.Compacted"/>) to the file, atomically (a temporary file, then a rename).</summary>
    public static void Write(string path, string storeIdentity, GraphSnapshot snapshot)
    {
        if (!snapshot.IsCompact)
        {
            throw new ArgumentException("only a compact snapshot can be saved", nameof(snapshot));
        }
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(storeIdentity);
            writer.Write(snapshot.Version);
            writer.Write(CatalogueFingerprint(snapshot.Catalogue));
            var b = snapshot.Base;
            writer.Write(b.ActorCount);
            for (var i = 0; i < b.ActorCount; i++)
            {
                WriteActor(writer, b.Actors[i]);
                writer.Write(b.SearchText[i]);
            }
            writer.Write(b.RelationshipCount);
            for (var e = 0; e < b.RelationshipCount; e++)
            {
                WriteRelationship(writer, b.Relationships[e], b.Fields[e]);
            }
            WriteArray(writer, b.Fields);
            WriteArray(writer, b.Offsets);
            WriteArray(writer, b.ArcTarget);
            WriteArray(writer, b.ArcRelationship);
            WritePrivate(writer, snapshot);
            writer.Write(Magic); // a torn file cannot end like a whole one
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The snapshot saved for this store and catalogue, or null when there is none that can be trusted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GraphSnapshot? Read(string path, string storeIdentity, RelationshipTypeCatalogue catalogue)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (Header(reader, storeIdentity, catalogue) is not { } version)
        {
            return null;
        }
        var pool = new StringPool();
        var actors = new Actor[reader.ReadInt32()];
        var searchText = new string[actors.Length];
        var actorIndex = new Dictionary<string, int>(actors.Length, StringComparer.Ordinal);
        for (var i = 0; i < actors.Length; i++)
        {
            actors[i] = ReadActor(reader, pool);
            searchText[i] = reader.ReadString();
            actorIndex.Add(actors[i].Id, i);
        }
        var relationships = new Relationship[reader.ReadInt32()];
        var relationshipIndex = new Dictionary<string, int>(relationships.Length, StringComparer.Ordinal);
        for (var e = 0; e < relationships.Length; e++)
        {
            relationships[e] = ReadRelationship(reader, actors, pool);
            relationshipIndex.Add(relationships[e].Id, e);
        }
        var fields = ReadArray<RelationshipFields>(reader);
        var offsets = ReadArray<int>(reader);
        var targets = ReadArray<int>(reader);
        var arcRelationships = ReadArray<int>(reader);
        var (privateActors, privateRelationships) = ReadPrivate(reader, pool);
        if (reader.ReadString() != Magic || fields.Length != relationships.Length || offsets.Length != actors.Length + 1
            || targets.Length != 2 * relationships.Length || arcRelationships.Length != targets.Length)
        {
            return null;
        }
        var graphBase = new GraphBase(actors, searchText, actorIndex, relationships, fields, relationshipIndex, offsets, targets, arcRelationships);
        return GraphSnapshot.FromBase(graphBase, version, catalogue).WithLoadedPrivate(privateActors, privateRelationships);
    }

    /// <summary>
    /// The version a readable-looking file was saved at, from its header alone, or null (no file, another store or
    /// catalogue, a header that does not read): lets the change log since it be read while <see cref="Read"/> runs.
    /// </summary>
    public static long? SavedVersion(string path, string storeIdentity, RelationshipTypeCatalogue catalogue)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            return Header(reader, storeIdentity, catalogue);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a hint: Read() opens the file again and reports whatever is wrong with it.
            return null;
        }
    }

    /// <summary>The saved version if the header is this format's, this store's and this catalogue's; else null.</summary>
    private static long? Header(BinaryReader reader, string storeIdentity, RelationshipTypeCatalogue catalogue)
    {
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != storeIdentity)
        {
            return null;
        }
        var version = reader.ReadInt64();
        return reader.ReadString() == CatalogueFingerprint(catalogue) ? version : null;
    }

    /// <summary>Type names, directions and default strengths: the relationship fields saved depend on all three.</summary>
    private static string CatalogueFingerprint(RelationshipTypeCatalogue catalogue) =>
        string.Join('|', catalogue.All.Select(t => FormattableString.Invariant($"{t.Name}:{t.Directed}:{t.Strength:R}")));

    private static void WriteActor(BinaryWriter w, Actor a)
    {
        w.Write(a.Id);
        w.Write(a.Name);
        WriteList(w, a.Aliases);
        w.Write(a.Kind);
        w.Write(a.Country);
        w.Write(a.Region);
        WriteList(w, a.Sectors);
        WriteOptional(w, a.City);
        WriteOptional(w, a.Website);
        WriteOptional(w, a.Description);
        WriteList(w, a.Sources);
        w.Write(a.Contact is not null);
        if (a.Contact is { } contact)
        {
            WriteOptional(w, contact.Email);
            WriteOptional(w, contact.Phone);
        }
        w.Write(a.Revision);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Actor ReadActor(BinaryReader r, StringPool pool) => new()
    {
        Id = r.ReadString(),
        Name = r.ReadString(),
        Aliases = ReadList(r, null),
        Kind = pool.Get(r.ReadString()),
        Country = pool.Get(r.ReadString()),
        Region = pool.Get(r.ReadString()),
        Sectors = ReadList(r, pool),
        City = ReadOptional(r),
        Website = ReadOptional(r),
        Description = ReadOptional(r),
        Sources = ReadList(r, pool),
        Contact = r.ReadBoolean() ? new ContactDetails(ReadOptional(r), ReadOptional(r)) : null,
        Revision = r.ReadInt64(),
    };

    /// <summary>Ends are written as actor numbers (the base's), so reading them back allocates no strings.</summary>
    private static void WriteRelationship(BinaryWriter w, Relationship r, in RelationshipFields fields)
    {
        w.Write(r.Id);
        w.Write(fields.Source);
        w.Write(fields.Target);
        WriteRelationshipBody(w, r);
    }

    /// <summary>Everything of a relationship after its id and ends.</summary>
    private static void WriteRelationshipBody(BinaryWriter w, Relationship r)
    {
        w.Write(r.Type);
        WriteDate(w, r.Since);
        WriteDate(w, r.Until);
        w.Write(r.Strength.HasValue);
        w.Write(r.Strength ?? 0);
        w.Write(r.Event is not null);
        if (r.Event is { } e)
        {
            WriteOptional(w, e.Name);
            WriteDate(w, e.Date);
            WriteOptional(w, e.Place);
        }
        WriteOptional(w, r.Note);
        w.Write(r.Evidence is not null);
        if (r.Evidence is { } evidence)
        {
            WriteOptional(w, evidence.Document);
            WriteOptional(w, evidence.Section);
            WriteOptional(w, evidence.Quote);
        }
        w.Write(r.Inferred);
        w.Write(r.Revision);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Relationship ReadRelationship(BinaryReader r, Actor[] actors, StringPool pool)
    {
        var id = r.ReadString();
        // Ends share their actors' id strings, as a load from the store makes them (RecordInterner).
        var source = actors[r.ReadInt32()].Id;
        var target = actors[r.ReadInt32()].Id;
        return ReadRelationshipBody(r, id, source, target, pool);
    }

    private static Relationship ReadRelationshipBody(BinaryReader r, string id, string source, string target, StringPool pool)
    {
        var type = pool.Get(r.ReadString());
        var since = ReadDate(r);
        var until = ReadDate(r);
        var hasStrength = r.ReadBoolean();
        var strength = r.ReadDouble();
        var @event = r.ReadBoolean() ? new EventInfo(PooledOptional(r, pool), ReadDate(r), PooledOptional(r, pool)) : null;
        var note = ReadOptional(r);
        var evidence = r.ReadBoolean() ? new Evidence(PooledOptional(r, pool), PooledOptional(r, pool), ReadOptional(r)) : null;
        return new Relationship
        {
            Id = id,
            Source = source,
            Target = target,
            Type = type,
            Since = since,
            Until = until,
            Strength = hasStrength ? strength : null,
            Event = @event,
            Note = note,
            Evidence = evidence,
            Inferred = r.ReadBoolean(),
            Revision = r.ReadInt64(),
        };
    }
}
