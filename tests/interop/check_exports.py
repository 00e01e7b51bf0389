#!/usr/bin/env python3
"""Reads GraphApi's GraphML and GEXF exports of the seed dataset with NetworkX and compares them with the seed CSVs.

Usage: check_exports.py SEED_DIR EXPORT_DIR [--expected-json OUT]
EXPORT_DIR holds graph.graphml, graph-1.2draft.gexf and graph-1.3.gexf. GraphML and GEXF 1.2draft are read by the
NetworkX this interpreter has; GEXF 1.3 needs NetworkX >= 3 (Debian bookworm ships 2.8.8): with an older one that
check is reported as SKIPPED, visibly. With --expected-json, also writes what the Cytoscape check compares against.
Exits 1 on any mismatch.
"""
import csv
import json
import os
import sys

import networkx as nx

EU = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE EU".split())
DEFAULT_STRENGTH = {"MOU": 0.9, "BOARD_MEMBER_OF": 0.85, "MANAGES": 0.85, "PARTNER_OF": 0.75, "MEMBER_OF": 0.7,
                    "CO_ORGANISED": 0.7, "SUPPORTS": 0.6, "MET_AT": 0.4, "LOCATED_IN": 0.3}
failures = []


def clean_list(text):
    return "|".join(p.strip() for p in (text or "").split("|") if p.strip()) or None


def opt(text):
    text = (text or "").strip()
    return text or None


def read_seed(folder):
    with open(os.path.join(folder, "actors.csv"), encoding="utf-8-sig", newline="") as f:
        actors = {}
        for row in csv.DictReader(f):
            country = row["country"].strip()
            actors[row["id"].strip()] = {
                "name": row["name"].strip(), "kind": row["kind"].strip(), "country": country,
                "region": "EU" if country in EU else "KR" if country == "KR" else "OTHER",
                "sectors": clean_list(row.get("sectors")), "city": opt(row.get("city")),
                "aliases": clean_list(row.get("aliases")),
            }
    with open(os.path.join(folder, "relationships.csv"), encoding="utf-8-sig", newline="") as f:
        rels = {}
        for row in csv.DictReader(f):
            rtype = row["type"].strip()
            rels[row["id"].strip()] = {
                "source": row["source"].strip(), "target": row["target"].strip(), "type": rtype,
                "since": opt(row.get("since")), "until": opt(row.get("until")),
                "strength": float(row["strength"]) if opt(row.get("strength")) else DEFAULT_STRENGTH[rtype],
                "inferred": (opt(row.get("inferred")) or "false").lower() == "true",
                "evidenceQuote": opt(row.get("evidenceQuote")),
            }
    return actors, rels


def expect(label, what, actual, wanted):
    if actual != wanted:
        failures.append(f"{label}: {what}: read {actual!r}, expected {wanted!r}")


def compare(label, graph, actors, rels, weight_key=None):
    expect(label, "node count", graph.number_of_nodes(), len(actors))
    expect(label, "edge count", graph.number_of_edges(), len(rels))
    for actor_id, wanted in actors.items():
        if actor_id not in graph:
            failures.append(f"{label}: node {actor_id} missing")
            continue
        data = graph.nodes[actor_id]
        for key, value in wanted.items():
            expect(label, f"node {actor_id} {key}", data.get(key), value)
    seen = set()
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else ((u, v, None, d) for u, v, d in graph.edges(data=True))
    for u, v, key, data in edges:
        # NetworkX keeps a GraphML edge id as the multigraph key, a GEXF edge id as the "id" attribute.
        rel_id = data.get("id", key)
        seen.add(rel_id)
        wanted = rels.get(rel_id)
        if wanted is None:
            failures.append(f"{label}: unexpected edge {rel_id}")
            continue
        expect(label, f"edge {rel_id} ends", {u, v}, {wanted["source"], wanted["target"]})
        for key in ("type", "since", "until", "inferred", "evidenceQuote"):
            expect(label, f"edge {rel_id} {key}", data.get(key), wanted[key])
        expect(label, f"edge {rel_id} strength", round(data.get("strength", -1), 9), round(wanted["strength"], 9))
        if weight_key:
            expect(label, f"edge {rel_id} {weight_key}", round(data.get(weight_key, -1), 9), round(wanted["strength"], 9))
    expect(label, "edge ids", seen, set(rels))
    print(f"{label}: NetworkX {nx.__version__} read {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
          f"({type(graph).__name__}); seed has {len(actors)} actors and {len(rels)} relationships")


def main():
    seed, exports = sys.argv[1], sys.argv[2]
    actors, rels = read_seed(seed)
    if "--expected-json" in sys.argv:
        with open(sys.argv[sys.argv.index("--expected-json") + 1], "w", encoding="utf-8") as f:
            json.dump({"actors": actors, "relationships": rels}, f, ensure_ascii=False)
    compare("GraphML", nx.read_graphml(os.path.join(exports, "graph.graphml")), actors, rels)
    compare("GEXF 1.2draft", nx.read_gexf(os.path.join(exports, "graph-1.2draft.gexf"), version="1.2draft"), actors, rels, "weight")
    for node in ("kicox",):
        if node in actors:
            print(f"  sample: {node} name={actors[node]['name']!r} aliases={actors[node]['aliases']!r}")
    try:
        gexf13 = nx.read_gexf(os.path.join(exports, "graph-1.3.gexf"), version="1.3")
    except (KeyError, nx.NetworkXError) as error:
        print(f"GEXF 1.3: SKIPPED: NetworkX {nx.__version__} cannot read GEXF 1.3 ({error!r}); NetworkX >= 3 can")
    else:
        compare("GEXF 1.3", gexf13, actors, rels, "weight")
    if failures:
        print(f"FAILED: {len(failures)} mismatch(es)")
        for failure in failures[:50]:
            print("  " + failure)
        sys.exit(1)
    print("OK: GraphML and GEXF exports match the seed")


if __name__ == "__main__":
    main()
