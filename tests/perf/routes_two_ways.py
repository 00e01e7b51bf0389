#!/usr/bin/python3
"""Routes to one actor, GraphApi over HTTP beside NetworkX, igraph and graph-tool, timed two ways in one run
(docs/performance.md, issue 26 point 4).

    routes_two_ways.py DIR PORT [ROUNDS=5] [WARM=2000]

DIR is a `GraphApi.Benchmarks peers-export` directory (edges.tsv, pairs.tsv); the service listens on PORT with that
graph loaded, GRAPHAPI_KEY is its key. After WARM untimed k=1 questions (the service's warm-up), the same pairs
are timed three ways:
  tight        each library on its own, one after the other: for every pair, one untimed call then 5 timed ones back
               to back, median per pair. A library's loop runs through all pairs before the next library starts, so
               nothing else runs between its calls: the warm tight loop of a benchmark (issue 26's "tight loop of
               1,000 queries"), for the service as for the in-process libraries;
  per pair     the same calls, but by pair: GraphApi's 1 + 5 calls, then each library's, then the next pair. Each
               library's first call on a pair follows the others' work (for the service, ~100 ms in which its
               threads slept and its caches were taken); until 2026-12-06 this was the figure called "tight";
  interleaved  ROUNDS rounds; in each, per pair, one call to each library in turn (GraphApi, NetworkX, igraph,
               graph-tool): every call follows the other libraries' work on another pair, so it starts with
               caches holding someone else's data, and the service's threads have been idle meanwhile. Every other
               time (by pair and round) GraphApi's turn goes to GET /health/live instead: the HTTP floor under the
               same conditions, i.e. what a cold request costs before any route work.
GraphApi's calls (and the floor's) are timed from sending the request to the last byte of the answer over one
keep-alive connection with the lean client of lean_http.py, as wrk would; the answer's JSON is decoded after the
clock stops (the libraries hand back numbers). Until 2026-12-07 00:20 UTC the calls went through http.client, which
added about 0.25 ms to each (its header parsing).
Prints, per harness, the median and p90 per library and the ratio of each library's median to GraphApi's, the
service's own mean time per question (its request-duration metric, scraped from /metrics before and after), and
checks that every k=1 route costs what NetworkX's least-cost route costs (or more, when that route has more than 8
hops, as maxHops requires). Writes DIR/two-ways.json.
"""
import http.client
import json
import math
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402  (same folder)
from lean_http import LeanConnection  # noqa: E402  (same folder)

MAX_HOPS = 8


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    warm = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    ids, index, edges, pairs = peers.load(directory)
    libraries = {}
    for name, build in (("networkx", peers.networkx_routes), ("igraph", peers.igraph_routes), ("graph-tool", peers.graph_tool_routes)):
        try:
            label, calls = build(ids, edges)
        except ImportError as missing:
            print(f"   {name}: skipped ({missing})", flush=True)
            continue
        print(f"   {label}", flush=True)
        libraries[name] = calls[name]

    headers = {"Content-Type": "application/json", "X-Api-Key": os.environ["GRAPHAPI_KEY"]}
    # Timed calls go through the lean client (lean_http.py): http.client's header parsing alone costs about 0.25 ms a
    # request here (0.53 against 0.26-0.33 ms on the same question, same service), which is the client's, not the
    # service's. The scrapes of /metrics use http.client on a connection of their own.
    lean = LeanConnection("127.0.0.1", port)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def graphapi(s, t):
        body = json.dumps({"from": [s], "to": {"id": t}, "k": 1, "maxHops": MAX_HOPS}).encode()
        status, data = lean.request("POST", "/api/routes/introductions", body, headers)
        if status != 200:
            raise SystemExit(f"HTTP {status} for {body!r}: {data[:300]!r}")
        return data

    def route_cost(data):
        """(cost in nano-nats, hops) of the answer's route, read after the clock stopped (the peers return numbers)."""
        route = json.loads(data)["routes"][0]
        return sum(int(math.floor(-math.log(step["strength"]) * 1e9 + 0.5)) for step in route["steps"]), route["hops"]

    def timed_call(call, s, t):
        start = time.perf_counter_ns()
        result = call(s, t)
        return (time.perf_counter_ns() - start) / 1e6, result

    def served_seconds():
        # The service's own view (http.server.request.duration for this route: Kestrel's start of the request to the
        # end of its response), to tell the service's time from the client's and the socket's in each harness.
        # The exporter answers within 300 ms of its last scrape from a cache: wait that out first.
        time.sleep(0.35)
        conn.request("GET", "/metrics", headers=headers)
        text = conn.getresponse().read().decode()
        totals = {"sum": 0.0, "count": 0.0}
        for line in text.splitlines():
            if line.startswith("http_server_request_duration_seconds_") and 'http_route="/api/routes/introductions"' in line:
                kind = line.split("{", 1)[0].rsplit("_", 1)[1]
                if kind in totals:
                    totals[kind] += float(line.rsplit(" ", 1)[1])
        return totals["sum"], totals["count"]

    def floor_call(s, t):
        lean.request("GET", "/health/live", b"", headers)
        return None

    calls = {"GraphApi k=1 (HTTP)": lambda s, t: graphapi(s, t)}
    calls.update({name: (lambda f: lambda s, t: f(index[s], index[t]))(f) for name, f in libraries.items()})

    print(f"   warm-up: {warm} untimed GraphApi questions", flush=True)
    for i in range(warm):
        graphapi(*pairs[i % len(pairs)])
    floor = []
    for _ in range(50):
        start = time.perf_counter_ns()
        lean.request("GET", "/health/live", b"", headers)
        floor.append((time.perf_counter_ns() - start) / 1e6)

    results = {"load": {}, "floor": statistics.median(floor)}
    answers = {}

    def median_of_five(name, call, s, t):
        call(s, t)
        times = []
        for _ in range(5):
            ms, answer = timed_call(call, s, t)
            times.append(ms)
        answers.setdefault(name, {})[f"{s}->{t}"] = route_cost(answer) if name == "GraphApi k=1 (HTTP)" else answer
        return statistics.median(times)

    results["load"]["tight"] = os.getloadavg()
    served = {}
    tight = {name: [] for name in calls}
    for name, call in calls.items():
        before = served_seconds() if name == "GraphApi k=1 (HTTP)" else None
        for s, t in pairs:
            tight[name].append(median_of_five(name, call, s, t))
        if before is not None:
            served["tight"] = Served(before, served_seconds())
    results["load"]["per pair"] = os.getloadavg()
    before = served_seconds()
    per_pair = {name: [] for name in calls}
    for s, t in pairs:
        for name, call in calls.items():
            per_pair[name].append(median_of_five(name, call, s, t))
    served["per pair"] = Served(before, served_seconds())
    results["load"]["interleaved"] = os.getloadavg()
    served["interleaved"] = served_seconds()
    # The HTTP floor takes GraphApi's place every other time (alternating by pair and round), so both start after
    # the same peers' work: the floor shows how much of a cold request is the socket and waking the server.
    floor_name = "HTTP floor (GET /health/live)"
    interleaved = {name: [] for name in [*calls, floor_name]}
    for r in range(rounds):
        for i, (s, t) in enumerate(pairs):
            for name, call in calls.items():
                if name == "GraphApi k=1 (HTTP)" and (i + r) % 2 == 1:
                    name, call = floor_name, floor_call
                ms, _ = timed_call(call, s, t)
                interleaved[name].append(ms)
    served["interleaved"] = Served(served["interleaved"], served_seconds())
    results["load"]["end"] = os.getloadavg()

    check(answers)
    for harness, times in (("tight", tight), ("per pair", per_pair), ("interleaved", interleaved)):
        base = statistics.median(times["GraphApi k=1 (HTTP)"])
        print(f"\n== {harness} ({len(pairs)} pairs{f' x {rounds} rounds' if harness == 'interleaved' else ''}); load average at its start {results['load'][harness][0]:.1f}")
        print(f"{'library':<24} | {'median ms':>9} | {'p90 ms':>8} | ratio to GraphApi (median)")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"{name:<24} | {median:>9.3f} | {peers.percentile(values, 90):>8.3f} | {median / base:.2f}")
        results[harness] = {name: {"median": statistics.median(v), "p90": peers.percentile(v, 90), "all": v} for name, v in times.items()}
        print(f"service's own time per GraphApi question (mean, its request-duration metric): {served[harness]:.3f} ms")
        results[harness]["served_mean_ms"] = served[harness]
    print(f"\nHTTP floor (GET /health/live, median of 50): {results['floor']:.3f} ms")
    with open(os.path.join(directory, "two-ways.json"), "w", encoding="utf-8") as f:
        json.dump(results, f)


def Served(before, after):
    """Mean milliseconds per route request the service recorded between two scrapes."""
    count = after[1] - before[1]
    return (after[0] - before[0]) * 1e3 / count if count else float("nan")


def check(answers):
    ours, reference = answers["GraphApi k=1 (HTTP)"], answers.get("networkx")
    if reference is None:
        print("   no NetworkX: costs not checked")
        return
    same = longer = different = 0
    for pair, (cost, hops) in ours.items():
        best, best_hops = reference[pair]
        if cost == best:
            same += 1
        elif cost > best and best_hops > MAX_HOPS:
            longer += 1
        else:
            different += 1
            print(f"   DIFFERENT {pair}: ours {cost} ({hops} hops), NetworkX {best} ({best_hops} hops)")
    print(f"   k=1 costs against NetworkX: {same} same, {longer} costlier where the least-cost route has more than {MAX_HOPS} hops, {different} different")
    if different:
        sys.exit(1)


if __name__ == "__main__":
    main()
