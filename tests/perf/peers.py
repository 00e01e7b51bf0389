#!/usr/bin/python3
"""Peer libraries on the graph that `GraphApi.Benchmarks peers-export` wrote (docs/performance.md).

Usage: peers.py routes DIR                 single-pair least-cost route for every pair in DIR/pairs.tsv
       peers.py betweenness DIR            exact unweighted betweenness on the simple undirected graph
       peers.py weighted-betweenness DIR   exact betweenness with the nano-nat costs as lengths

DIR/edges.tsv: `u<TAB>v<TAB>cost` per tied actor pair (cost = -ln(strength of the strongest tie) in nano-nats,
GraphApi's routing rule without decay); DIR/pairs.tsv: `source<TAB>target`.

Libraries: NetworkX, igraph and graph-tool from Debian (apt-get install -y python3-networkx python3-igraph
python3-graph-tool). They live in /usr/lib/python3/dist-packages, hence /usr/bin/python3 rather than whatever
`python3` is first on PATH. A library that does not import is skipped with the reason printed.

routes: each library loads edges.tsv once (undirected, weight = cost as an integer); each query runs REPEATS
times and the median is kept per pair; prints median and p90 over pairs per library, how many pairs agree on the
cost, and writes DIR/peers-routes.json = {library: {"source->target": {cost, hops, ms}}}.
betweenness: RUNS runs per library, min and median (fewer once a library's runs exceed PEERS_REPEAT_BUDGET
seconds, default 300; the run count is printed); NetworkX only when n <= 10000 (PEERS_NX_MAX_N overrides).
weighted-betweenness: the same with weight = cost (integers, so equal-cost paths tie exactly in every library;
igraph refuses zero weights, so it gets 1 nano-nat for a zero cost). graph-tool also runs on one thread unless
PEERS_GT_ONE_THREAD=0.
"""
import json
import os
import statistics
import sys
import time

REPEATS = 5
RUNS = 3
# Betweenness: no further run of a library once its runs so far took this long (NetworkX needs minutes at 10k).
REPEAT_BUDGET = float(os.environ.get("PEERS_REPEAT_BUDGET", "300"))


def load(directory):
    ids, index, edges = [], {}, []

    def vertex(name):
        if name not in index:
            index[name] = len(ids)
            ids.append(name)
        return index[name]

    with open(os.path.join(directory, "edges.tsv"), encoding="utf-8") as f:
        for line in f:
            u, v, cost = line.rstrip("\n").split("\t")
            edges.append((vertex(u), vertex(v), int(cost)))
    pairs = []
    path = os.path.join(directory, "pairs.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            pairs = [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]
    return ids, index, edges, pairs


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def timed(query):
    """Median wall time in ms over REPEATS calls, and the last call's result."""
    times, result = [], None
    for _ in range(REPEATS):
        start = time.perf_counter_ns()
        result = query()
        times.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(times), result


# ---- route back-ends: each builds its graph once and answers (source, target) -> (cost, hops) -------------------

def networkx_routes(ids, edges):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(len(ids)))
    g.add_weighted_edges_from(edges, weight="w")

    def path(s, t):
        cost, nodes = nx.bidirectional_dijkstra(g, s, t, weight="w")
        return cost, len(nodes) - 1

    return f"networkx {nx.__version__}", {"networkx": path}


def igraph_routes(ids, edges):
    import igraph
    g = igraph.Graph(n=len(ids), edges=[(u, v) for u, v, _ in edges], directed=False)
    g.es["w"] = [c for _, _, c in edges]
    weight = g.es["w"]

    if hasattr(g, "get_shortest_path"):  # python-igraph >= 0.10.5
        def vertex_path(s, t):
            return g.get_shortest_path(s, t, weights="w")
        call = "get_shortest_path"
    else:
        def vertex_path(s, t):
            return g.get_shortest_paths(s, to=t, weights="w", output="vpath")[0]
        call = "get_shortest_paths(to=t)"

    def path(s, t):
        nodes = vertex_path(s, t)
        return path_cost(g, weight, nodes), len(nodes) - 1

    def distance(s, t):
        return int(round(g.distances(source=s, target=t, weights="w")[0][0])), None

    return f"igraph {igraph.__version__} (path: {call})", {"igraph": path, "igraph distance": distance}


def path_cost(g, weight, nodes):
    return sum(weight[g.get_eid(a, b)] for a, b in zip(nodes, nodes[1:]))


def graph_tool_routes(ids, edges):
    import graph_tool.all as gt
    g = gt.Graph(directed=False)
    g.add_vertex(len(ids))
    w = g.new_edge_property("int64_t")
    g.add_edge_list([(u, v, c) for u, v, c in edges], eprops=[w])

    def path(s, t):
        _, elist = gt.shortest_path(g, g.vertex(s), g.vertex(t), weights=w)
        return sum(int(w[e]) for e in elist), len(elist)

    def distance(s, t):
        return int(gt.shortest_distance(g, g.vertex(s), g.vertex(t), weights=w)), None

    return f"graph-tool {gt.__version__.split()[0]} (OpenMP threads: {gt.openmp_get_num_threads()})", \
        {"graph-tool": path, "graph-tool distance": distance}


BACKENDS = [("networkx", networkx_routes), ("igraph", igraph_routes), ("graph-tool", graph_tool_routes)]


def routes(directory):
    ids, index, edges, pairs = load(directory)
    print(f"graph: {len(ids)} actors with ties, {len(edges)} tied pairs; {len(pairs)} pairs; {REPEATS} repeats, median per pair")
    results, skipped = {}, {}
    for name, build in BACKENDS:
        try:
            start = time.perf_counter()
            label, queries = build(ids, edges)
        except ImportError as error:
            skipped[name] = str(error)
            print(f"  {name}: SKIPPED ({error}; Debian: apt-get install -y python3-{name})")
            continue
        print(f"  {label}: loaded in {time.perf_counter() - start:.2f} s")
        for library, query in queries.items():
            answers = {}
            for source, target in pairs:
                s, t = index[source], index[target]
                query(s, t)  # warm-up, like the service's first query
                ms, (cost, hops) = timed(lambda: query(s, t))
                answers[f"{source}->{target}"] = {"cost": int(cost), "hops": hops, "ms": round(ms, 4)}
            results[library] = answers

    out = os.path.join(directory, "peers-routes.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, sort_keys=True)

    print()
    print(f"{'library':<22} {'median ms':>10} {'p90 ms':>10}")
    for library, answers in results.items():
        times = [a["ms"] for a in answers.values()]
        print(f"{library:<22} {statistics.median(times):>10.3f} {percentile(times, 90):>10.3f}")
    if results:
        keys = [f"{s}->{t}" for s, t in pairs]
        agree = sum(1 for k in keys if len({answers[k]["cost"] for answers in results.values()}) == 1)
        print(f"costs agree across {len(results)} queries on {agree} of {len(keys)} pairs")
        for k in keys:
            costs = {library: answers[k]["cost"] for library, answers in results.items()}
            if len(set(costs.values())) > 1:
                print(f"  DIFFERENT {k}: {costs}")
    print(f"wrote {out}")
    for name, reason in skipped.items():
        print(f"skipped {name}: {reason}")
    return 0


# ---- betweenness -------------------------------------------------------------------------------------------------

def betweenness(directory, weighted=False):
    ids, _, edges, _ = load(directory)
    n = len(ids)
    simple = [(u, v) for u, v, _ in edges]  # edges.tsv already has one line per tied pair
    costs = [c for _, _, c in edges]
    kind = "weighted by nano-nat cost" if weighted else "unweighted"
    print(f"graph: {n} actors with ties, {len(simple)} edges (simple, undirected, {kind}); {RUNS} runs")
    rows, tops, answers = [], {}, {}

    def measure(label, run):
        times, values = [], None
        while len(times) < RUNS and sum(times) < REPEAT_BUDGET:
            start = time.perf_counter()
            values = run()
            times.append(time.perf_counter() - start)
            print(f"  {label}: run {len(times)}: {times[-1]:.3f} s", flush=True)
        rows.append((label, min(times), statistics.median(times), len(times)))
        tops[label] = max(range(n), key=lambda v: values[v]), max(values)
        answers[label] = values

    try:
        import igraph
        g = igraph.Graph(n=n, edges=simple, directed=False)
        # igraph refuses zero weights (ties of strength 1); 1 nano-nat instead changes no other tie.
        g.es["w"] = [max(c, 1) for c in costs]
        label = f"igraph {igraph.__version__} (1 thread{', zero costs as 1' if weighted and min(costs) == 0 else ''})"
        measure(label, lambda: g.betweenness(directed=False, weights="w" if weighted else None))
    except ImportError as error:
        print(f"  igraph: SKIPPED ({error})")

    try:
        import graph_tool.all as gt
        gg = gt.Graph(directed=False)
        gg.add_vertex(n)
        w = gg.new_edge_property("int64_t")
        gg.add_edge_list([(u, v, c) for u, v, c in edges], eprops=[w])
        version = gt.__version__.split()[0]
        threads = gt.openmp_get_num_threads()

        def gt_run():
            return gt.betweenness(gg, weight=w if weighted else None, norm=False)[0].a.copy()

        measure(f"graph-tool {version} ({threads} OpenMP threads)", gt_run)
        if threads > 1 and os.environ.get("PEERS_GT_ONE_THREAD", "1") == "1":
            gt.openmp_set_num_threads(1)
            measure(f"graph-tool {version} (1 OpenMP thread)", gt_run)
            gt.openmp_set_num_threads(threads)
    except ImportError as error:
        print(f"  graph-tool: SKIPPED ({error})")

    nx_max = int(os.environ.get("PEERS_NX_MAX_N", "10000"))
    if n <= nx_max:
        try:
            import networkx as nx
            gn = nx.Graph()
            gn.add_nodes_from(range(n))
            gn.add_weighted_edges_from(edges, weight="w")

            def nx_run():
                bc = nx.betweenness_centrality(gn, normalized=False, weight="w" if weighted else None)
                return [bc[v] for v in range(n)]

            measure(f"networkx {nx.__version__} (1 thread)", nx_run)
        except ImportError as error:
            print(f"  networkx: SKIPPED ({error})")
    else:
        print(f"  networkx: skipped (n = {n} > {nx_max}; PEERS_NX_MAX_N raises the limit)")

    print()
    print(f"{'library':<40} {'min s':>9} {'median s':>9} {'runs':>5}")
    for label, low, mid, runs in rows:
        print(f"{label:<40} {low:>9.3f} {mid:>9.3f} {runs:>5}")
    # Conventions differ (graph-tool counts ordered pairs on undirected graphs), so show the top actor's raw value.
    for label, (v, value) in tops.items():
        print(f"  top actor by {label}: {ids[v]} = {value:.1f}")
    compare_with_graphapi(directory, ids, answers, weighted)
    return 0


def compare_with_graphapi(directory, ids, answers, weighted):
    """Node by node against GraphApi's values (written by `GraphApi.Benchmarks analysis quick peers write-betweenness
    DIR`), when that file is there: the largest relative difference |ours - theirs| / |theirs| over the actors with a
    non-zero value, and the largest absolute difference over those with zero."""
    path = os.path.join(directory, "graphapi-weighted-betweenness.tsv" if weighted else "graphapi-betweenness.tsv")
    if not os.path.exists(path):
        print(f"  (no {os.path.basename(path)}: run the GraphApi side with write-betweenness DIR to compare node by node)")
        return
    ours = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            actor, value = line.rstrip("\n").split("\t")
            ours[actor] = float(value)
    for label, values in answers.items():
        relative = max((abs(ours[ids[v]] - values[v]) / abs(values[v]) for v in range(len(ids)) if values[v] != 0), default=0.0)
        absolute = max((abs(ours[ids[v]]) for v in range(len(ids)) if values[v] == 0), default=0.0)
        print(f"  GraphApi vs {label}: max relative difference {relative:.3g}, max absolute where theirs is 0: {absolute:.3g}")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("routes", "betweenness", "weighted-betweenness"):
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "routes":
        return routes(sys.argv[2])
    return betweenness(sys.argv[2], weighted=sys.argv[1] == "weighted-betweenness")


if __name__ == "__main__":
    sys.exit(main())
