#!/usr/bin/env bash
# Server memory under a sustained write burst (docs/performance.md, issue 26 point 3):
#   tests/perf/memory_under_writes.sh DB [SECONDS=60] [CONNECTIONS=16] [IDLE=20]
# DB is a SQLite file imported with the CLI (100k / 400k: `GraphApi.Benchmarks peers-export 100000 4 DIR 40`, then
# `dotnet GraphApi.dll import …`); it is copied, never changed. The script publishes the service (Release,
# framework-dependent, started as `dotnet GraphApi.dll` with no DOTNET_* variables), starts it on the copy and
# samples its RSS (/proc/PID/status VmRSS) every second:
#   1. fresh start: ready, then 5 s idle;
#   2. SECONDS of acknowledged writes with wrk at CONNECTIONS connections, new actors and new ties between actors of
#      the imported graph alternately (so the delta grows and background merges fold it into new bases, one per
#      GraphStore:MergeThreshold changes);
#   3. IDLE seconds without requests;
# then stops the service (it saves its snapshot), starts it again on the same, now larger, data and samples it the
# same way (ready + 5 s): "a fresh start on the same data". Prints every sample and the ratio asked for
# (RSS after the idle period / RSS of the fresh start on the same data; target ≤ 1.25).
# GRAPHAPI_APP=DIR uses that publish output instead of publishing this tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:?usage: tests/perf/memory_under_writes.sh DB [SECONDS=60] [CONNECTIONS=16] [IDLE=20]}
seconds=${2:-60}
connections=${3:-16}
idle=${4:-20}
py=/usr/bin/python3
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
unset DOTNET_TC_CallCountingDelayMs DOTNET_TieredPGO DOTNET_gcServer DOTNET_GCgen0size DOTNET_GCConserveMemory || true

work=$(mktemp -d /tmp/memory-writes.XXXXXX)
key="mem-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
app=""
sampler=""
stop_app() {
  if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""; fi
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""; fi
}
trap 'stop_app' EXIT
echo "== work directory: $work"
cp "$db" "$work/graph.db"
[ -f "$db.snapshot" ] && cp "$db.snapshot" "$work/graph.db.snapshot"
if [ -n "${GRAPHAPI_APP:-}" ]; then ln -s "$GRAPHAPI_APP" "$work/app"; else  # a publish output given, e.g. an older build
  dotnet publish src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; exit 1; }
fi

rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$app/status"; }
start_app() { # name
  port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  env ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$work/graph.db" Seed__Enabled=false \
    RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning \
    dotnet "$work/app/GraphApi.dll" --urls "http://127.0.0.1:$port" >>"$work/app-$1.log" 2>&1 &
  app=$!
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$app" 2>/dev/null || { echo "the service stopped" >&2; tail -20 "$work/app-$1.log" >&2; exit 1; }
    sleep 0.05
  done
  ( start=$(date +%s); while kill -0 "$app" 2>/dev/null; do
      echo "$(( $(date +%s) - start )) $(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$app/status" 2>/dev/null)"; sleep 1; done ) >"$work/rss-$1.txt" &
  sampler=$!
}

cat >"$work/write.lua" <<LUA
local counter = 0
local thread_id = 0
function setup(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
function request()
  counter = counter + 1
  local actor = string.format("mem-%d-%d-%d", $RANDOM, tid, math.floor((counter + 1) / 2))
  if counter % 2 == 1 then
    local body = string.format('{"id":"%s","name":"Written %s","kind":"Company","country":"KR","sectors":["water"]}', actor, actor)
    return wrk.format("POST", "/api/actors", {["Content-Type"] = "application/json", ["X-Api-Key"] = "$key"}, body)
  end
  -- Both ends already exist: wrk sends a thread's requests over several connections, so the actor just created
  -- may not be committed yet when this one arrives.
  local body = string.format('{"id":"%s-t","source":"a%07d","target":"a%07d","type":"MET_AT","strength":0.6}', actor, (counter * 104729) % 100000, (counter * 7919) % 100000)
  return wrk.format("POST", "/api/relationships", {["Content-Type"] = "application/json", ["X-Api-Key"] = "$key"}, body)
end
function response(status) if status ~= 201 then io.stderr:write("status " .. status .. "\n") end end
LUA

echo "== fresh start; load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_app first
sleep 5
fresh=$(rss)
echo "   RSS 5 s after ready: $fresh MB"
echo "== $seconds s of writes at $connections connections"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/write.lua" "http://127.0.0.1:$port/api/actors" 2>"$work/wrk.err" \
  | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors|requests in" || true
sort "$work/wrk.err" | uniq -c | head -5
written=$(rss)
echo "   RSS at the end of the writes: $written MB; peak so far $(sort -k2 -n "$work/rss-first.txt" | tail -1 | cut -d' ' -f2) MB"
sleep "$idle"
after=$(rss)
echo "   RSS after $idle s idle: $after MB"
echo "   store: $(sqlite3 "$work/graph.db" 'select count(*) from actors' 2>/dev/null || echo '?') actors"
stop_app
echo "== fresh start on the same data"
start_app again
sleep 5
again=$(rss)
echo "   RSS 5 s after ready: $again MB"
stop_app
$py -c "import sys; a, f = int(sys.argv[1]), int(sys.argv[2]); print(f'== after writes + idle / fresh on the same data: {a} / {f} MB = {a / f:.2f} (target <= 1.25)')" "$after" "$again"
echo "   samples (seconds since ready, MB): $(tr '\n' ' ' <"$work/rss-first.txt" | cut -c1-2000)"
echo "== results kept in $work"
