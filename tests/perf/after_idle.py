#!/usr/bin/python3
"""What idling costs a request (docs/performance.md, "A real warm loop, a lean client, …").

    GRAPHAPI_KEY=KEY after_idle.py PORT SOURCE TARGET [IDLE_SECONDS=0.1] [BURSTS=40]
    after_idle.py PORT,PORT,… --floor [IDLE_SECONDS=0.05] [BURSTS=60]

Route mode: after a warm-up, BURSTS times: sleep IDLE_SECONDS, then 12 k=1 route questions SOURCE -> TARGET back to
back; prints the median time of the 1st, 2nd, … 12th question after the idle spell (IDLE_SECONDS 0: a continuous
loop). Floor mode: on each PORT in turn, sleep IDLE_SECONDS, then one timed GET /health/live and five more; prints the
median of the first (cold) and of the others (warm), e.g. GraphApi beside an empty Kestrel app or Python's
http.server on other ports. Timed with the lean client (lean_http.py), from sending to the last byte of the answer.
"""
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lean_http import LeanConnection  # noqa: E402  (same folder)


def timed(call):
    start = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - start) / 1e6


def routes(port, source, target, idle, bursts):
    headers = {"Content-Type": "application/json", "X-Api-Key": os.environ["GRAPHAPI_KEY"]}
    body = json.dumps({"from": [source], "to": {"id": target}, "k": 1, "maxHops": 8}).encode()
    conn = LeanConnection("127.0.0.1", port)

    def ask():
        status, data = conn.request("POST", "/api/routes/introductions", body, headers)
        if status != 200:
            raise SystemExit(f"HTTP {status}: {data[:300]!r}")

    for _ in range(300):
        ask()
    positions = [[] for _ in range(12)]
    for _ in range(bursts):
        time.sleep(idle)
        for times in positions:
            times.append(timed(ask))
    print(f"idle {idle} s, median ms of the 1st..12th question after it:")
    print(" ".join(f"{statistics.median(times):.3f}" for times in positions))


def floors(ports, idle, bursts):
    conns = {port: LeanConnection("127.0.0.1", port) for port in ports}
    cold = {port: [] for port in ports}
    warm = {port: [] for port in ports}
    for conn in conns.values():
        for _ in range(500):
            conn.request("GET", "/health/live")
    for _ in range(bursts):
        for port, conn in conns.items():
            time.sleep(idle)
            cold[port].append(timed(lambda: conn.request("GET", "/health/live")))
            warm[port] += [timed(lambda: conn.request("GET", "/health/live")) for _ in range(5)]
    for port in ports:
        print(f"port {port}: cold median {statistics.median(cold[port]):.3f} ms, warm median {statistics.median(warm[port]):.3f} ms")


def main():
    if len(sys.argv) > 2 and sys.argv[2] == "--floor":
        floors([int(p) for p in sys.argv[1].split(",")], float(sys.argv[3]) if len(sys.argv) > 3 else 0.05,
               int(sys.argv[4]) if len(sys.argv) > 4 else 60)
    else:
        routes(int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 0.1,
               int(sys.argv[5]) if len(sys.argv) > 5 else 40)


if __name__ == "__main__":
    main()
