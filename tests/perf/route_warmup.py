#!/usr/bin/env python3
"""How fast a freshly started service reaches its steady route latency (docs/performance.md, issue 26 point 1).

    route_warmup.py PORT PAIRS_TSV [REQUESTS=2000] [BLOCK=100]

Sends REQUESTS k=1 route questions (POST /api/routes/introductions, maxHops 8) over one keep-alive connection,
cycling through the pairs in PAIRS_TSV, right after /health/ready, and prints the median of every BLOCK requests
with the seconds since the first one, then one JSON line with the same figures. The caller's key is read from
GRAPHAPI_KEY. Wall-clock figures only: nothing here asserts a time.
"""
import http.client
import json
import os
import statistics
import sys
import time


def main():
    port, pairs_file = int(sys.argv[1]), sys.argv[2]
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    block = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    with open(pairs_file, encoding="utf-8") as f:
        pairs = [tuple(line.rstrip("\n").split("\t")[:2]) for line in f if line.strip()]
    headers = {"Content-Type": "application/json", "X-Api-Key": os.environ["GRAPHAPI_KEY"]}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    times, started = [], time.perf_counter()
    blocks = []
    for i in range(requests):
        source, target = pairs[i % len(pairs)]
        body = json.dumps({"from": [source], "to": {"id": target}, "k": 1, "maxHops": 8})
        t0 = time.perf_counter_ns()
        conn.request("POST", "/api/routes/introductions", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter_ns() - t0) / 1e6)
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status} for {body}")
        if len(times) == block:
            blocks.append({"upTo": i + 1, "seconds": round(time.perf_counter() - started, 2), "median": round(statistics.median(times), 3)})
            print(f"  requests {i + 2 - block:5d}-{i + 1:5d}: median {blocks[-1]['median']:7.3f} ms  ({blocks[-1]['seconds']:6.2f} s)", flush=True)
            times = []
    last = [b["median"] for b in blocks[-5:]]
    steady = statistics.median(last)
    # The first block whose median is within 25 % of the last five blocks' median: where the steady state begins.
    reached = next((b["upTo"] for b in blocks if b["median"] <= 1.25 * steady), None)
    print(json.dumps({"blocks": blocks, "steady": steady, "steadyFromRequest": reached}))


if __name__ == "__main__":
    main()
