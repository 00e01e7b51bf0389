#!/usr/bin/python3
"""igraph on the dated graph the timeline benchmark wrote (docs/performance.md, "Timeline").

Usage: timeline_peers.py DIR [FIRST_YEAR LAST_YEAR]

DIR/timeline-edges.tsv (written by `dotnet run -c Release --project tests/GraphApi.Benchmarks -- analysis quick timeline
export-timeline DIR`): the actor count on the first line, then `source<TAB>target<TAB>first day<TAB>last day` per
relationship, days as .NET day numbers (0001-01-01 = 0). For each year's step (December 31, as GraphApi's timeline)
it keeps the relationships in force that day (first day <= day <= last day), builds the simple undirected graph
(igraph simplify: parallel ties and self-ties collapse, as GraphApi's SimpleGraph) and times degree and exact
unweighted betweenness (one thread), i.e. what a script doing the timeline by hand with igraph pays. Brokerage has
no igraph or NetworkX counterpart (R sna::brokerage only), so it is not timed here.
"""
import datetime
import sys
import time

import igraph


def main():
    folder = sys.argv[1]
    first, last = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (2010, 2024)
    with open(f"{folder}/timeline-edges.tsv") as lines:
        n = int(next(lines))
        edges = [tuple(int(x) for x in line.split("\t")) for line in lines]
    totals = {"filter+build": 0.0, "degree": 0.0, "betweenness": 0.0}
    for year in range(first, last + 1):
        day = datetime.date(year, 12, 31).toordinal() - 1
        started = time.perf_counter()
        graph = igraph.Graph(n=n, edges=[(s, t) for s, t, a, b in edges if a <= day <= b], directed=False)
        graph.simplify()
        built = time.perf_counter()
        graph.degree()
        degreed = time.perf_counter()
        values = graph.betweenness(directed=False)
        done = time.perf_counter()
        totals["filter+build"] += built - started
        totals["degree"] += degreed - built
        totals["betweenness"] += done - degreed
        print(f"{year}-12-31: {graph.ecount()} tied pairs, build {built - started:.3f} s, degree {degreed - built:.4f} s, "
              f"betweenness {done - degreed:.2f} s, actor 0 = {values[0]:.1f}", flush=True)
    steps = last - first + 1
    print(f"igraph {igraph.__version__}, {steps} steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in totals.items()))


if __name__ == "__main__":
    main()
