#!/usr/bin/env bash
# Cost of metrics and traces on the route and write benchmarks (docs/performance.md, "Telemetry overhead").
#   tests/perf/telemetry_overhead.sh [ROUNDS=6] [DURATION=5s] [CONNECTIONS=16]
# Two instances of one Release build, each over its own freshly seeded SQLite file: "off" with Telemetry:Enabled=false
# (no listener, no exporter, no /metrics), "on" with everything an operator would turn on — metrics scraped at
# /metrics every second, spans for every request recorded and pushed by OTLP/HTTP to a local sink that accepts and
# drops them. The same wrk runs (a k=3 introduction route; acknowledged relationship writes, group-committed) go to
# each in turn, interleaved (off/on, then on/off) so that load from the machine's other users falls on both alike.
# Needs wrk (apt-get install -y wrk) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-6}
duration=${2:-5s}
connections=${3:-16}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

work=$(mktemp -d)
key="perf-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pids=()
# The instances start inside $(…), a subshell: their ids come back through files.
trap 'for p in "${pids[@]}" $(cat "$work"/*.pid 2>/dev/null); do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
dotnet build src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

# The OTLP sink: answers every export with an empty (valid) protobuf response.
sink=$(free_port)
python3 - "$sink" >"$work/sink.log" 2>&1 <<'PY' &
import sys, http.server
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf"); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
pids+=($!)

start() { # name, extra environment...
  local name=$1; shift
  local port; port=$(free_port)
  env ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$work/$name.db" Seed__Enabled=true \
    RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning "$@" \
    dotnet "$work/app/GraphApi.dll" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  echo $! >"$work/$name.pid"
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.25; done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "$name did not get ready" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "http://127.0.0.1:$port"
}
off=$(start off Telemetry__Enabled=false)
on=$(start on Telemetry__Enabled=true Telemetry__OtlpEndpoint="http://127.0.0.1:$sink" Telemetry__OtlpProtocol=http/protobuf)

cat >"$work/route.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$key"
wrk.body = '{"from":["pole-eau"],"to":{"id":"kicox"},"k":3,"maxHops":8}'
LUA
cat >"$work/write.lua" <<LUA
-- Ids unique across runs: each run passes its own prefix (wrk … -- PREFIX).
local counter = 0
local thread_id = 0
local prefix = "perf"
function init(args) prefix = args[1] or prefix end
function setup(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
function request()
  counter = counter + 1
  local body = string.format('{"id":"%s-%d-%d","source":"pole-eau","target":"kicox","type":"MET_AT"}', prefix, tid, counter)
  return wrk.format("POST", "/api/relationships", {["Content-Type"] = "application/json", ["X-Api-Key"] = "$key"}, body)
end
function response(status) if status ~= 201 then io.stderr:write("status " .. status .. "\n") end end
LUA

# Prometheus at one scrape a second (ten times its usual rate) against the "on" instance, all along.
( while true; do curl -fs -H "X-Api-Key: $key" "$on/metrics" >/dev/null || true; sleep 1; done ) &
pids+=($!)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$(cat "$work/$1.pid")/stat"; } # the instance's user + system time
bench() { # config, base, benchmark, path → "config benchmark requests/s p99 CPU-µs/request"
  local out before after requests
  before=$(cpu_ticks "$1")
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/$3.lua" "$2$4" -- "perf-$1-$(date +%s%N)")
  after=$(cpu_ticks "$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers in $1 $3:" >&2; echo "$out" >&2; exit 1; fi
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$1 $3 $(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out") $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))"
}
for b in route write; do # warm-up, not counted
  path=/api/routes/introductions; [ "$b" = write ] && path=/api/relationships
  bench off "$off" "$b" "$path" >/dev/null; bench on "$on" "$b" "$path" >/dev/null
done
: >"$work/results"
for r in $(seq 1 "$rounds"); do
  order="off on"; [ $((r % 2)) -eq 0 ] && order="on off"
  for b in route write; do
    path=/api/routes/introductions; [ "$b" = write ] && path=/api/relationships
    for c in $order; do
      base=$off; [ "$c" = on ] && base=$on
      bench "$c" "$base" "$b" "$path" | tee -a "$work/results"
    done
  done
done
# The machine is shared: throughput drifts by half between rounds as other work comes and goes, so each round's
# "on" is compared with its own "off" (run next to it), and the median of those ratios is the figure. CPU time per
# request (the instance's user + system time over the run, by /proc) drifts much less than throughput does.
python3 - "$work/results" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
for bench in ("route", "write"):
    off = [r for r in rows if r[0] == "off" and r[1] == bench]
    on = [r for r in rows if r[0] == "on" and r[1] == bench]
    rps = [float(b[2]) / float(a[2]) for a, b in zip(off, on)]
    cpu = [float(b[4]) / float(a[4]) for a, b in zip(off, on)]
    print(f"{bench}: throughput on/off per round {[round(x, 2) for x in rps]}, median {statistics.median(rps):.3f}; "
          f"CPU per request on/off {[round(x, 2) for x in cpu]}, median {statistics.median(cpu):.3f} "
          f"(off {statistics.median(float(a[4]) for a in off):.0f} us, on {statistics.median(float(b[4]) for b in on):.0f} us)")
PY
