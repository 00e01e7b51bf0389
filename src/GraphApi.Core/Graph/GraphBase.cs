using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

/// <summary>
/// The compact, immutable part of a snapshot: actors numbered 0..n−1 in ordinal id order (so comparing numbers
/// compares ids), relationships likewise, and adjacency in CSR arrays in which every relationship appears once at
/// each end, because every tie can be travelled both ways for an introduction. Shared by every snapshot until
/// the next merge; writes add a <see cref="GraphDelta"/> on top instead of copying it.
/// </summary>
internal sealed class GraphBase
{
    public GraphBase(Actor[] actors, string[] searchText, Dictionary<string, int> actorIndex,
        Relationship[] relationships, RelationshipFields[] fields, Dictionary<string, int> relationshipIndex,
        int[] offsets, int[] arcTarget, int[] arcRelationship)
    {
        Actors = actors;
        SearchText = searchText;
        ActorIndex = actorIndex;
        Relationships = relationships;
        Fields = fields;
        RelationshipIndex = relationshipIndex;
        Offsets = offsets;
        ArcTarget = arcTarget;
        ArcRelationship = arcRelationship;
    }

    public Actor[] Actors { get; }
    public string[] SearchText { get; }
    public Dictionary<string, int> ActorIndex { get; }
    public Relationship[] Relationships { get; }
    public RelationshipFields[] Fields { get; }
    public Dictionary<string, int> RelationshipIndex { get; }

    // CSR adjacency: the arcs of actor v are [Offsets[v], Offsets[v + 1]).
    public int[] Offsets { get; }
    public int[] ArcTarget { get; }
    public int[] ArcRelationship { get; }

    /// <summary>What <see cref="ArcCosts"/> holds for an arc whose cost does not fit 32 bits (a strength under e^−4.29).</summary>
    public const uint NoArcCost = uint.MaxValue;

    private uint[]? _arcCosts;

    /// <summary>
    /// Each arc's relationship cost in nano-nats (<see cref="RelationshipFields.QuantisedCost"/>) beside
    /// <see cref="ArcTarget"/>, or <see cref="NoArcCost"/> when it does not fit: the route searches' default query
    /// (no filter, no decay, stated strengths) then reads costs in arc order instead of one 48-byte field record per
    /// arc, picked at random from the whole relationship table. Built on first use (3.2 MB at 400k relationships),
    /// so bases no route runs on (as-of analyses, merges overtaken by the next) never pay for it.
    /// </summary>
    public uint[] ArcCosts => LazyInitializer.EnsureInitialized(ref _arcCosts, BuildArcCosts);

    private uint[]? _relationshipCosts;

    /// <summary>
    /// Each relationship's cost in nano-nats like <see cref="ArcCosts"/>, by relationship: a 1.6 MB array at 400k
    /// relationships, where looking a cost up by relationship id otherwise reads a 48-byte record out of 19 MB.
    /// </summary>
    public uint[] RelationshipCosts => LazyInitializer.EnsureInitialized(ref _relationshipCosts, BuildRelationshipCosts);

    private uint[] BuildRelationshipCosts()
    {
        var costs = new uint[Fields.Length];
        for (var r = 0; r < costs.Length; r++)
        {
            costs[r] = Compact(Fields[r].QuantisedCost);
        }
        return costs;
    }

    private uint[] BuildArcCosts()
    {
        var byRelationship = RelationshipCosts;
        var costs = new uint[ArcRelationship.Length];
        for (var arc = 0; arc < costs.Length; arc++)
        {
            costs[arc] = byRelationship[ArcRelationship[arc]];
        }
        return costs;
    }

    private static uint Compact(long cost) => cost is >= 0 and < NoArcCost ? (uint)cost : NoArcCost;

    public int ActorCount => Actors.Length;

    public int RelationshipCount => Relationships.Length;

    public static GraphBase Empty { get; } = new([], [], [], [], [], [], [0], [], []);

    /// <summary>Builds a base from records. Relationships whose ends are missing are a bug in the caller, so they throw.</summary>
    public static GraphBase Build(IEnumerable<Actor> actors, IEnumerable<Relationship> relationships, RelationshipTypeCatalogue catalogue)
    {
        var actorArray = SortedById(actors.ToArray(), a => a.Id);
        var searchText = new string[actorArray.Length];
        for (var i = 0; i < actorArray.Length; i++)
        {
            searchText[i] = SearchTextOf(actorArray[i]);
        }
        return Build(actorArray, searchText, relationships, catalogue);
    }

    /// <summary>Builds a base from actors whose search text is already folded (a rebuild keeps what every actor had).</summary>
    public static GraphBase Build(IEnumerable<ActorEntry> actors, IEnumerable<Relationship> relationships, RelationshipTypeCatalogue catalogue)
    {
        var entries = SortedById(actors.ToArray(), e => e.Actor.Id);
        return Build([.. entries.Select(e => e.Actor)], [.. entries.Select(e => e.SearchText)], relationships, catalogue);
    }

    private static GraphBase Build(Actor[] actorArray, string[] searchText, IEnumerable<Relationship> relationships, RelationshipTypeCatalogue catalogue)
    {
        var relationshipArray = SortedById(relationships.ToArray(), r => r.Id);
        var actorIndex = new Dictionary<string, int>(actorArray.Length, StringComparer.Ordinal);
        for (var i = 0; i < actorArray.Length; i++)
        {
            actorIndex.Add(actorArray[i].Id, i);
        }
        var typeNumbers = TypeNumbers(catalogue);
        var fields = new RelationshipFields[relationshipArray.Length];
        var relationshipIndex = new Dictionary<string, int>(relationshipArray.Length, StringComparer.Ordinal);
        for (var e = 0; e < relationshipArray.Length; e++)
        {
            var r = relationshipArray[e];
            relationshipIndex.Add(r.Id, e);
            fields[e] = FieldsOf(r, actorIndex[r.Source], actorIndex[r.Target], catalogue, typeNumbers);
        }
        var (offsets, targets, rels) = Adjacency(actorArray.Length, fields);
        return new GraphBase(actorArray, searchText, actorIndex, relationshipArray, fields, relationshipIndex, offsets, targets, rels);
    }

    /// <summary>CSR arrays with each actor's arcs sorted by (target, relationship): the canonical neighbour order.</summary>
    public static (int[] Offsets, int[] Targets, int[] Relationships) Adjacency(int actorCount, RelationshipFields[] fields)
    {
        var offsets = new int[actorCount + 1];
        foreach (ref readonly var f in fields.AsSpan())
        {
            offsets[f.Source + 1]++;
            offsets[f.Target + 1]++;
        }
        for (var v = 0; v < actorCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var keys = new long[offsets[actorCount]];
        var next = offsets[..actorCount];
        for (var e = 0; e < fields.Length; e++)
        {
            keys[next[fields[e].Source]++] = ((long)fields[e].Target << 32) | (uint)e;
            keys[next[fields[e].Target]++] = ((long)fields[e].Source << 32) | (uint)e;
        }
        var targets = new int[keys.Length];
        var relationships = new int[keys.Length];
        for (var v = 0; v < actorCount; v++)
        {
            var span = keys.AsSpan(offsets[v], offsets[v + 1] - offsets[v]);
            span.Sort();
            for (var i = 0; i < span.Length; i++)
            {
                targets[offsets[v] + i] = (int)(span[i] >> 32);
                relationships[offsets[v] + i] = (int)span[i];
            }
        }
        return (offsets, targets, relationships);
    }

    public static string SearchTextOf(Actor actor) =>
        TextSearch.Fold(string.Join('\u001f', actor.Aliases.Prepend(actor.Name).Append(actor.Id)));

    public static Dictionary<string, int> TypeNumbers(RelationshipTypeCatalogue catalogue)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < catalogue.All.Count; t++)
        {
            numbers[catalogue.All[t].Name] = t;
        }
        return numbers;
    }

    public static RelationshipFields FieldsOf(Relationship r, int source, int target, RelationshipTypeCatalogue catalogue, Dictionary<string, int> typeNumbers)
    {
        var strength = r.Strength ?? (catalogue.TryGet(r.Type, out var type) ? type.Strength : 0.5);
        var cost = Routing.HopCosts.CostOf(strength);
        return new RelationshipFields(source, target, strength, cost, Routing.HopCosts.Quantise(cost),
            r.Since is { } since ? since.Start.DayNumber : RelationshipFields.NoStart,
            r.Until is { } until ? until.End.DayNumber : RelationshipFields.NoEnd,
            typeNumbers.TryGetValue(r.Type, out var number) ? number : -1);
    }

    private static T[] SortedById<T>(T[] items, Func<T, string> id)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (string.CompareOrdinal(id(items[i - 1]), id(items[i])) > 0)
            {
                Array.Sort(items, (a, b) => string.CompareOrdinal(id(a), id(b)));
                break;
            }
        }
        return items;
    }
}
