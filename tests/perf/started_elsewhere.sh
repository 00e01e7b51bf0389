#!/usr/bin/env bash
# The published service started plainly from a folder that is not its own (a systemd unit without WorkingDirectory
# starts in /), as a user would: `dotnet /path/GraphApi.dll` with only the store's path, the admin key and a
# rate-limit exemption for the benchmark's key; no logging setting (docs/performance.md, "Started from any folder").
#   tests/perf/started_elsewhere.sh DB [DURATION=10s] [CONNECTIONS=16]
# DB: a 100k-actor synthetic store (`GraphApi.Benchmarks peers-export`, imported with the CLI), copied, never changed.
# Prints the content root the service chose, the explorer's status, wrk's k=1 route throughput (a0000001 -> a0000500)
# after a 5 s warm-up, the service's CPU time per request over the timed run (/proc) and the lines it logged.
# GRAPHAPI_APP=DIR times that publish output instead of publishing this tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:?usage: tests/perf/started_elsewhere.sh DB [DURATION=10s] [CONNECTIONS=16]}
duration=${2:-10s}
connections=${3:-16}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/started-elsewhere.XXXXXX)
key="elsewhere-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
app=""
trap '[ -n "$app" ] && { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; }; rm -f "$work"/graph.db*; true' EXIT  # the log stays
cp "$db" "$work/graph.db"
[ -f "$db.snapshot" ] && cp "$db.snapshot" "$work/graph.db.snapshot"
if [ -n "${GRAPHAPI_APP:-}" ]; then ln -s "$GRAPHAPI_APP" "$work/app"; else
  dotnet publish src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; exit 1; }
fi
mkdir "$work/elsewhere"
(cd "$work/elsewhere" && exec env GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$work/graph.db" Seed__Enabled=false \
  RateLimit__ExemptKeys__0=bootstrap-admin dotnet "$work/app/GraphApi.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
app=$!
for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the service did not get ready" >&2; tail -30 "$work/app.log" >&2; exit 1; }
pid=$app  # the subshell exec'd env, which exec'd dotnet: one process
echo "== started from $work/elsewhere; $(grep -m1 -o 'Content root path: .*' "$work/app.log" || echo 'content root not logged')"
echo "== explorer (GET /): $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")"
cat >"$work/route.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$key"
wrk.body = '{"from":["a0000001"],"to":{"id":"a0000500"},"k":1,"maxHops":8}'
LUA
wrk -t2 -c"$connections" -d5s -s "$work/route.lua" "http://127.0.0.1:$port/api/routes/introductions" >/dev/null
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
lines_before=$(wc -l <"$work/app.log"); cpu_before=$(cpu)
out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/route.lua" "http://127.0.0.1:$port/api/routes/introductions")
cpu_after=$(cpu); lines_after=$(wc -l <"$work/app.log")
requests=$(echo "$out" | awk '/requests in/{print $1}')
ticks=$(getconf CLK_TCK)
echo "$out" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors" || true
python3 -c "print(f'== service CPU per request: {($cpu_after - $cpu_before) / $ticks / $requests * 1e6:.0f} us; lines logged during the run: {$lines_after - $lines_before} ({($lines_after - $lines_before) / $requests:.1f} per request)')"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg); service log in $work/app.log"
