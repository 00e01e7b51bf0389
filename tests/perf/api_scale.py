#!/usr/bin/env python3
"""Write and route latency through the HTTP API of a running service (docs/performance.md, issues 11 and 12).

Usage: api_scale.py BASE_URL ADMIN_KEY ACTORS [WRITES=500] [PAIRS=50] [ID_FORMAT=actor-{}]
Sequential requests on one keep-alive connection, so each figure is one request's latency. Writes create new
relationships between random existing actors; routes are asked between random pairs 4-8 hops apart (checked with
GET /api/routes/shortest), k=1 and k=3, maxHops 8, each pair warmed once and then timed 5 times (median kept).
"""
import http.client
import json
import random
import statistics
import sys
import time
import urllib.parse


def main():
    base, key, actors = sys.argv[1], sys.argv[2], int(sys.argv[3])
    writes = int(sys.argv[4]) if len(sys.argv) > 4 else 500
    pairs = int(sys.argv[5]) if len(sys.argv) > 5 else 50
    id_format = sys.argv[6] if len(sys.argv) > 6 else "actor-{}"
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    rng = random.Random(11)

    def request(method, path, body=None):
        headers = {"X-Api-Key": key, "Content-Type": "application/json"}
        start = time.perf_counter()
        conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - start) * 1000

    stamp = int(time.time())
    latencies = []
    for i in range(writes):
        a, b = rng.randrange(actors), rng.randrange(actors)
        if a == b:
            continue
        status, data, ms = request("POST", "/api/relationships", {
            "id": f"bench-{stamp}-{i}", "source": id_format.format(a), "target": id_format.format(b), "type": "MOU"})
        if status != 201:
            sys.exit(f"write failed: {status} {data[:300]!r}")
        latencies.append(ms)
        # The write must be visible to the next read on the same service.
        status, _, _ = request("GET", f"/api/relationships/bench-{stamp}-{i}")
        if status != 200:
            sys.exit(f"write bench-{stamp}-{i} not visible to the next read ({status})")
    report("POST /api/relationships (sequential, each then read back)", latencies)

    chosen = []
    while len(chosen) < pairs:
        s, t = id_format.format(rng.randrange(actors)), id_format.format(rng.randrange(actors))
        status, data, _ = request("GET", f"/api/routes/shortest?from={s}&to={t}")
        routes = json.loads(data).get("routes", []) if status == 200 else []
        if routes and 4 <= routes[0]["hops"] <= 8:
            chosen.append((s, t))
    for k in (1, 3):
        per_pair = []
        for s, t in chosen:
            body = {"from": [s], "to": {"id": t}, "k": k, "maxHops": 8}
            status, data, _ = request("POST", "/api/routes/introductions", body)
            if status != 200:
                sys.exit(f"route failed: {status} {data[:300]!r}")
            per_pair.append(statistics.median(request("POST", "/api/routes/introductions", body)[2] for _ in range(5)))
        report(f"POST /api/routes/introductions to one actor, k={k}, maxHops 8 ({len(chosen)} pairs 4-8 hops apart)", per_pair)


def report(what, values):
    values = sorted(values)
    at = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{what}: min {values[0]:.2f} ms, median {at(0.5):.2f}, p90 {at(0.9):.2f}, p99 {at(0.99):.2f}, max {values[-1]:.2f} (n={len(values)})")


if __name__ == "__main__":
    main()
