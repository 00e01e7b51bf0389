#!/usr/bin/env bash
# Throughput of single endpoints with wrk (docs/performance.md): GET one actor, a name search, a k=3 introduction
# route, and acknowledged writes (POST /api/relationships, each fsynced, group-committed under concurrency).
#   tests/perf/wrk_endpoints.sh [DB=fresh seeded file] [DURATION=10s] [READ_CONNECTIONS=32] [WRITE_CONNECTIONS=16]
# With no DB the service seeds the shipped dataset into a fresh file; with a DB (e.g. one imported by
# tests/perf/routes_vs_peers.sh) it serves that file (writes are added to it: pass a copy). The route and the write
# use actors that exist in the dataset, or the first actors of a synthetic file (a0000001, a0000002, …).
# Needs wrk (apt-get install -y wrk). The run's key is exempt from rate limits, so every non-2xx is an error.
# The service is the published Release build started as `dotnet GraphApi.dll` (until 2026-12-07: the build output);
# GRAPHAPI_APP=DIR times that publish output instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-}
duration=${2:-10s}
readers=${3:-32}
writers=${4:-16}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

work=$(mktemp -d)
key="wrk-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
if [ -n "${GRAPHAPI_APP:-}" ]; then ln -s "$GRAPHAPI_APP" "$work/app"; else  # a publish output given, e.g. an older build
  dotnet publish src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; exit 1; }
fi
if [ -z "$db" ]; then db="$work/graph.db"; seed=true; else seed=false; fi
ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$db" Seed__Enabled=$seed \
  RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning \
  dotnet "$work/app/GraphApi.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.25; done
base="http://127.0.0.1:$port"

if curl -fs "$base/api/actors/kicox" >/dev/null; then
  actor=kicox; query=kic; from=pole-eau; to=kicox; a=pole-eau; b=kicox
else
  actor=a0000001; query=a00000; from=a0000001; to=a0000500; a=a0000001; b=a0000002
fi

cat >"$work/route.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$key"
wrk.body = '{"from":["$from"],"to":{"id":"$to"},"k":3,"maxHops":8}'
LUA
cat >"$work/write.lua" <<LUA
local counter = 0
local thread_id = 0
function setup(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
function request()
  counter = counter + 1
  local body = string.format('{"id":"wrk-%s-%d-%d","source":"$a","target":"$b","type":"MET_AT"}', "$RANDOM", tid, counter)
  return wrk.format("POST", "/api/relationships", {["Content-Type"] = "application/json", ["X-Api-Key"] = "$key"}, body)
end
function response(status) if status ~= 201 then io.stderr:write("status " .. status .. "\n") end end
LUA
cat >"$work/get.lua" <<LUA
wrk.headers["X-Api-Key"] = "$key"
LUA

run() { # name, connections, url, script
  echo "== $1 ($2 connections, $duration)"
  wrk -t2 -c"$2" -d"$duration" --latency -s "$4" "$3" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors" || true
}
run "GET /api/actors/$actor" "$readers" "$base/api/actors/$actor" "$work/get.lua"
run "GET /api/actors?q=$query" "$readers" "$base/api/actors?q=$query&limit=20" "$work/get.lua"
run "POST /api/routes/introductions k=3 $from -> $to" "$readers" "$base/api/routes/introductions" "$work/route.lua"
run "POST /api/relationships (acknowledged writes)" "$writers" "$base/api/relationships" "$work/write.lua"
echo "== store version after the run: $(sqlite3 "$db" "select value from meta where key='version'" 2>/dev/null || echo '?') (fewer versions than writes = group commit)"
