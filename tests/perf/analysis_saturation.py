#!/usr/bin/env python3
"""Reads of one actor and one route while analyses saturate the service (docs/performance.md, issue 22).

Usage: analysis_saturation.py BASE_URL KEY [SECONDS=30] [CLIENTS=16] [ACTORS=10000]
First the reads alone (idle), then for SECONDS: CLIENTS threads each asking, back to back, sampled gateway analyses
EU -> KR (sample=500) with a new seed each time, so none is a cache hit; meanwhile one more connection alternates
GET /api/actors/{id} and a k=1 introduction route (every 0.1 s) and times each. Prints medians, p90 and max of the
reads, idle and saturated, and what the analyses got (200, 503 with Retry-After, other).
"""
import http.client
import itertools
import json
import statistics
import sys
import threading
import time
import urllib.parse


def main():
    base, key = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 30
    clients = int(sys.argv[4]) if len(sys.argv) > 4 else 16
    actors = int(sys.argv[5]) if len(sys.argv) > 5 else 10000
    url = urllib.parse.urlparse(base)

    def connect():
        return http.client.HTTPConnection(url.hostname, url.port, timeout=300)

    def request(conn, method, path, body=None):
        headers = {"X-Api-Key": key, "Content-Type": "application/json"}
        start = time.perf_counter()
        conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - start) * 1000

    actor = f"actor-{actors // 3}"
    route = {"from": [f"actor-{actors // 5}"], "to": {"id": f"actor-{actors // 2}"}, "k": 1, "maxHops": 8}

    def reads(conn, until, pause):
        actor_ms, route_ms = [], []
        while time.perf_counter() < until:
            status, data, ms = request(conn, "GET", f"/api/actors/{actor}")
            check(status, data, "actor")
            actor_ms.append(ms)
            status, data, ms = request(conn, "POST", "/api/routes/introductions", route)
            check(status, data, "route")
            route_ms.append(ms)
            time.sleep(pause)
        return actor_ms, route_ms

    reader = connect()
    request(reader, "GET", f"/api/actors/{actor}")
    request(reader, "POST", "/api/routes/introductions", route)
    idle_actor, idle_route = reads(reader, time.perf_counter() + 5, 0.05)

    seeds = itertools.count(1)
    lock = threading.Lock()
    outcomes = {}
    analysis_ms = []
    stop = time.perf_counter() + seconds

    def saturate():
        conn = connect()
        while time.perf_counter() < stop:
            with lock:
                seed = next(seeds)
            status, _, ms = request(conn, "GET", f"/api/analysis/gateways?from=region:EU&to=region:KR&sample=500&seed={seed}&top=5")
            with lock:
                outcomes[status] = outcomes.get(status, 0) + 1
                if status == 200:
                    analysis_ms.append(ms)

    threads = [threading.Thread(target=saturate) for _ in range(clients)]
    for t in threads:
        t.start()
    time.sleep(1)  # let the analyses start before the first timed read
    busy_actor, busy_route = reads(reader, stop, 0.1)
    for t in threads:
        t.join()

    report("GET /api/actors/{id}, idle", idle_actor)
    report(f"GET /api/actors/{{id}}, {clients} clients asking gateway analyses", busy_actor)
    report("POST /api/routes/introductions (k=1, maxHops 8), idle", idle_route)
    report(f"POST /api/routes/introductions (k=1, maxHops 8), {clients} clients asking gateway analyses", busy_route)
    print(f"analyses asked in {seconds:.0f} s: " + ", ".join(f"{status}: {n}" for status, n in sorted(outcomes.items())))
    if analysis_ms:
        report("gateway analyses answered 200 (wall time each)", analysis_ms)


def check(status, data, what):
    if status != 200:
        sys.exit(f"{what} read failed: {status} {data[:300]!r}")


def report(what, values):
    values = sorted(values)
    at = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{what}: median {statistics.median(values):.1f} ms, p90 {at(0.9):.1f}, max {values[-1]:.1f} (n={len(values)})")


if __name__ == "__main__":
    main()
