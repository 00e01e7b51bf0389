#!/usr/bin/env bash
# Start to /health/ready however the data arrived (docs/performance.md, issue 26 point 2):
#   tests/perf/startup_cases.sh DIR [RUNS=3]
# DIR holds actors.csv and relationships.csv (`GraphApi.Benchmarks peers-export 100000 4 DIR 40`). Publishes the
# service (Release, framework-dependent; `dotnet GraphApi.dll`, no DOTNET_* variables) and, RUNS times each:
#   after-import    a fresh store imported with the CLI (`GraphApi.dll import`), then the first start;
#   saved-snapshot  a start after a clean stop (the snapshot file saved at shutdown);
#   after-sigkill   a start after the service was killed with SIGKILL in the middle of 8 s of writes (wrk, 16
#                   connections: new actors and ties), so the snapshot file is older than the store.
# For each start: seconds from the process start to the first 200 of /health/ready, the process's CPU seconds
# (user + system) at that moment, RSS a second later, and the service's own "Graph loaded" line (how long the load
# itself took and from where).
# GRAPHAPI_APP=DIR uses that publish output instead of publishing this tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:?usage: tests/perf/startup_cases.sh DIR [RUNS=3]}
runs=${2:-3}
py=/usr/bin/python3
unset DOTNET_TC_CallCountingDelayMs DOTNET_TieredPGO DOTNET_gcServer DOTNET_GCgen0size || true
work=$(mktemp -d /tmp/startup-cases.XXXXXX)
key="start-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
app=""
trap '[ -n "$app" ] && { kill -9 "$app" 2>/dev/null; wait "$app" 2>/dev/null; }; true' EXIT
echo "== work directory: $work"
if [ -n "${GRAPHAPI_APP:-}" ]; then ln -s "$GRAPHAPI_APP" "$work/app"; else  # a publish output given, e.g. an older build
  dotnet publish src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; exit 1; }
fi
ticks=$(getconf CLK_TCK)

start_app() { # db; sets app, port, and prints the start line
  port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  local begin
  begin=$(date +%s.%N)
  env ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$1" Seed__Enabled=false \
    RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning \
    "Logging__LogLevel__GraphApi.Hosting.GraphInitializer=Information" \
    dotnet "$work/app/GraphApi.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      local end cpu
      end=$(date +%s.%N)
      cpu=$(awk -v t="$ticks" '{printf "%.2f", ($14 + $15) / t}' "/proc/$app/stat")
      sleep 1
      echo "   ready after $($py -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$begin" "$end") s, CPU $cpu s; RSS a second later $(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$app/status") MB; load $(cut -d' ' -f1 /proc/loadavg)"
      echo "   $(grep -o 'Graph loaded.*' "$work/app.log" | head -1)"
      return 0
    fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.02
  done
  echo "the service did not get ready" >&2; tail -30 "$work/app.log" >&2; exit 1
}
stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }

cat >"$work/write.lua" <<LUA
local counter = 0
local thread_id = 0
function setup(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
function request()
  counter = counter + 1
  local actor = string.format("kill-%s-%d-%d", "$RANDOM", tid, math.floor((counter + 1) / 2))
  if counter % 2 == 1 then
    return wrk.format("POST", "/api/actors", {["Content-Type"] = "application/json", ["X-Api-Key"] = "$key"},
      string.format('{"id":"%s","name":"Written %s","kind":"Company","country":"KR"}', actor, actor))
  end
  return wrk.format("POST", "/api/relationships", {["Content-Type"] = "application/json", ["X-Api-Key"] = "$key"},
    string.format('{"id":"%s-t","source":"a%07d","target":"a%07d","type":"MET_AT"}', actor, (counter * 104729) % 100000, (counter * 7919) % 100000))
end
LUA

for run in $(seq 1 "$runs"); do
  db="$work/graph-$run.db"
  echo "== run $run: CLI import into a fresh store; load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "   import: %e s wall, %U + %S s CPU, %M kB peak" env -C "$work/app" dotnet GraphApi.dll import \
    --actors "$dir/actors.csv" --relationships "$dir/relationships.csv" --db "$db" 2>&1 >/dev/null | grep -E 'import:|snapshot file' || true
  echo "-- after-import"
  start_app "$db"; stop_app
  echo "-- saved-snapshot"
  start_app "$db"
  echo "   writing for 8 s, then SIGKILL during the writes"
  ( wrk -t2 -c16 -d10s -s "$work/write.lua" "http://127.0.0.1:$port/api/actors" >"$work/wrk.log" 2>&1 & ); sleep 8
  kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""
  sleep 2.5
  echo "   store after the kill: $(sqlite3 "$db" 'select count(*) from actors' 2>/dev/null || echo '?') actors"
  echo "-- after-sigkill"
  start_app "$db"; stop_app
  rm -f "$db" "$db"-* "$db.snapshot"
done
echo "== done; publish output and logs in $work"
