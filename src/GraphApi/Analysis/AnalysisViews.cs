using GraphApi.Core.Domain;
using GraphApi.Core.Analysis;
using GraphApi.Http;

namespace GraphApi.Analysis;

/// <summary>Turns analysis results (indexed by actor) into sorted, filtered, paged API answers.</summary>
public static class AnalysisViews
{
    public static BrokeragePage BrokeragePage(BrokerageResult result, ActorField partition, IReadOnlyList<string>? actors, string sort,
        (int Limit, int Offset) page, DateOnly? asOf, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = Brokerage(result, actors, sort);
        return new BrokeragePage([.. items.Skip(page.Offset).Take(page.Limit)], items.Count, page.Limit, page.Offset,
            Paging.Next(request, page.Limit, page.Offset, items.Count), ActorFields.Names[(int)partition], result.Directed,
            result.Snapshot.Version, AsOfQuery.Echo(asOf));
    }

    public static CentralityPage CentralityPage(CentralityResult result, IReadOnlyList<string> measures, IReadOnlyList<string>? actors, string sort,
        bool ascending, (int Limit, int Offset) page, DateOnly? asOf, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = Centrality(result, actors, sort, ascending);
        return new CentralityPage([.. items.Skip(page.Offset).Take(page.Limit)], items.Count, page.Limit, page.Offset,
            Paging.Next(request, page.Limit, page.Offset, items.Count), measures, result.Options.Weighted, result.Pivots, Guarantee(result),
            result.Component.Count == 0 ? 0 : result.Component.Max() + 1, result.Snapshot.Version, AsOfQuery.Echo(asOf));
    }

    private static IReadOnlyList<BrokerageItem> Brokerage(BrokerageResult result, IReadOnlyList<string>? actors, string sort)
    {
        var snapshot = result.Snapshot;
        var items = Selected(snapshot.ActorCount, actors, snapshot.IndexOf).Select(v =>
        {
            var roles = result.Roles[v];
            var actor = snapshot.ActorAt(v);
            return new BrokerageItem(actor.Id, actor.Name, result.Groups[v],
                roles.Coordinator, roles.Itinerant, roles.Representative, roles.Gatekeeper, roles.Liaison, roles.Total);
        });
        Func<BrokerageItem, long>? key = sort switch
        {
            "coordinator" => i => i.Coordinator,
            "itinerant" => i => i.Itinerant,
            "representative" => i => i.Representative,
            "gatekeeper" => i => i.Gatekeeper,
            "liaison" => i => i.Liaison,
            "total" => i => i.Total,
            _ => null,
        };
        // Items come in actor-id order, and OrderBy is stable: equal counts stay ordered by id.
        return key is null ? [.. items] : [.. items.OrderByDescending(key)];
    }

    /// <summary>The guarantee an (ε, δ) estimate met, with the error bounds it implies for this graph's n; null otherwise.</summary>
    public static BetweennessGuaranteeView? Guarantee(CentralityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Guarantee is not { } g)
        {
            return null;
        }
        double n = result.Snapshot.ActorCount;
        return new BetweennessGuaranteeView(g.Epsilon, g.Delta, g.Samples, g.VertexDiameterBound, g.Seed, BetweennessGuarantee.Constant,
            g.Epsilon * n * (n - 1) / 2, n > 2 ? g.Epsilon * n / (n - 2) : null,
            "Riondato & Kornaropoulos (2016): uniform shortest paths between uniform pairs of actors");
    }

    private static IReadOnlyList<CentralityItem> Centrality(CentralityResult result, IReadOnlyList<string>? actors, string sort, bool ascending)
    {
        var snapshot = result.Snapshot;
        var wants = result.Options.Measures;
        var items = Selected(snapshot.ActorCount, actors, snapshot.IndexOf).Select(v =>
        {
            var actor = snapshot.ActorAt(v);
            return new CentralityItem(actor.Id, actor.Name,
                wants.HasFlag(CentralityMeasures.Degree) ? result.Degree[v] : null,
                result.Betweenness?[v], result.BetweennessNormalized?[v], result.Closeness?[v],
                result.Constraint?[v], result.EffectiveSize?[v], result.Component[v]);
        });
        Func<CentralityItem, double?>? key = sort switch
        {
            "degree" => i => i.Degree,
            "betweenness" => i => i.Betweenness,
            "closeness" => i => i.Closeness,
            "constraint" => i => i.Constraint,
            "effectiveSize" => i => i.EffectiveSize,
            _ => null,
        };
        if (key is null)
        {
            return [.. items];
        }
        // Undefined values (an isolate's constraint) go last whichever way the list is sorted.
        var defined = items.OrderBy(i => key(i) is null);
        return ascending ? [.. defined.ThenBy(key)] : [.. defined.ThenByDescending(key)];
    }

    public static GatewayPage Gateways(GatewayResult result, int top, int seed, DateOnly? asOf)
    {
        var snapshot = result.Snapshot;
        var items = result.Ranking.Take(top).Select(g =>
        {
            var actor = snapshot.ActorAt(g.Actor);
            return new GatewayItem(actor.Id, actor.Name, actor.Kind, actor.Country, g.Routes, g.Share, g.Error?.StandardError, g.Error?.Low, g.Error?.High);
        });
        return new GatewayPage([.. items], result.Pairs, result.Sources, result.Targets, result.From.ToString(), result.To.ToString(), snapshot.Version,
            result.SampledSources, result.SampledSources is null ? null : seed, AsOfQuery.Echo(asOf));
    }

    /// <summary>All actor indices in id order, or only the requested ones (still in id order).</summary>
    private static IEnumerable<int> Selected(int count, IReadOnlyList<string>? actors, Func<string, int> indexOf) =>
        actors is null ? Enumerable.Range(0, count) : actors.Select(indexOf).Order();
}
