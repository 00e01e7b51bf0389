#!/usr/bin/python3
"""Peers for the gateways analysis (docs/performance.md): least-cost searches from every source on the graph that
`dotnet run -c Release --project tests/GraphApi.Benchmarks -- analysis quick gateways export-gateways DIR` wrote.

Usage: gateway_peers.py DIR

DIR/edges.tsv: `u<TAB>v<TAB>cost` per tied actor pair (nano-nats, GraphApi's costs); DIR/sources.txt and
DIR/targets.txt: the EU and KR actor ids. Each library runs Dijkstra from every source on the undirected graph with
integer weights; that is less than GraphApi's gateways do (no tie rule on hops and id sequences, no counting of
intermediates), so it is a lower bound for the same question in that library.

- igraph: `distances(source=chunk, target=targets, weights)` (C, one thread), 500 sources per call;
- graph-tool: `shortest_distance(g, source=s, weights)` per source (C++, one search per call);
- NetworkX: `single_source_dijkstra(g, s)` (distances and one path per actor, pure Python) on as many sources as
  fit in NX_BUDGET seconds (default 60), then scaled to all sources; the scaling is printed.
Prints one line per library with its wall and CPU (process) time and the load average. /usr/bin/python3: Debian's libraries.
"""
import os
import sys
import time

NX_BUDGET = float(os.environ.get("NX_BUDGET", "60"))
CHUNK = 500


def load(directory):
    index, edges = {}, []

    def vertex(name):
        return index.setdefault(name, len(index))

    with open(os.path.join(directory, "edges.tsv"), encoding="utf-8") as f:
        for line in f:
            u, v, cost = line.rstrip("\n").split("\t")
            edges.append((vertex(u), vertex(v), int(cost)))

    def ids(name):
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            # An actor without ties is in no edge: it reaches nobody, so it is left out.
            return [index[line.strip()] for line in f if line.strip() in index]

    return len(index), edges, ids("sources.txt"), ids("targets.txt")


def load_average():
    return os.getloadavg()[0]


def report(label, seconds, cpu, note=""):
    print(f"{label:<58} {seconds:9.2f} s  cpu {cpu:9.2f} s  load {load_average():.2f}   {note}", flush=True)


def run_igraph(n, edges, sources, targets):
    import igraph
    g = igraph.Graph(n=n, edges=[(u, v) for u, v, _ in edges], directed=False)
    g.es["w"] = [c for _, _, c in edges]
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(sources), CHUNK):
        g.distances(source=sources[i:i + CHUNK], target=targets, weights="w")
    report(f"igraph {igraph.__version__} distances, all sources", time.perf_counter() - start, time.process_time() - cpu)


def run_graph_tool(n, edges, sources):
    import graph_tool.all as gt
    g = gt.Graph(directed=False)
    g.add_vertex(n)
    w = g.new_edge_property("int64_t")
    g.add_edge_list(edges, eprops=[w])
    threads = gt.openmp_get_num_threads()
    start, cpu = time.perf_counter(), time.process_time()
    for s in sources:
        gt.shortest_distance(g, source=g.vertex(s), weights=w)
    report(f"graph-tool {gt.__version__.split()[0]} shortest_distance, all sources", time.perf_counter() - start,
           time.process_time() - cpu, f"({threads} OpenMP threads available)")


def run_networkx(n, edges, sources):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(edges, weight="w")
    start, cpu = time.perf_counter(), time.process_time()
    done = 0
    for s in sources:
        nx.single_source_dijkstra(g, s, weight="w")
        done += 1
        if time.perf_counter() - start > NX_BUDGET:
            break
    elapsed, scale = time.perf_counter() - start, len(sources) / done
    report(f"networkx {nx.__version__} single_source_dijkstra, all sources", elapsed * scale,
           (time.process_time() - cpu) * scale, f"(scaled from {done} of {len(sources)} sources in {elapsed:.1f} s)")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    n, edges, sources, targets = load(sys.argv[1])
    print(f"graph: {n} actors with ties, {len(edges)} tied pairs, {len(sources)} sources, {len(targets)} targets")
    for name, run in (("igraph", lambda: run_igraph(n, edges, sources, targets)),
                      ("graph-tool", lambda: run_graph_tool(n, edges, sources)),
                      ("networkx", lambda: run_networkx(n, edges, sources))):
        try:
            run()
        except ImportError as error:
            print(f"{name}: SKIPPED ({error})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
