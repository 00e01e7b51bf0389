#!/usr/bin/env bash
# Bounded load run: starts the service (Release build, fresh SQLite file with the seed) on 127.0.0.1 only, drives it
# with wrk for a fixed duration and connection count using mix.lua, prints throughput, latency percentiles and the
# status counts, then stops the service. Needs wrk (Debian: apt-get install -y wrk).
#   tests/load/run.sh [duration=20s] [connections=16] [threads=2]
# All requests carry a generated admin key that is exempt from rate limits for this run (RateLimit:ExemptKeys), so
# every non-2xx status in the output is a real error; no 429 is intended here.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-20s}
connections=${2:-16}
threads=${3:-2}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

work=$(mktemp -d)
export LOAD_KEY="load-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

dotnet build src/GraphApi -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
(
  cd src/GraphApi/bin/Release/net10.0
  ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$LOAD_KEY" Sqlite__Path="$work/graph.db" \
    RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning \
    exec dotnet GraphApi.dll --urls "http://127.0.0.1:$port"
) >"$work/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the service did not get ready" >&2; cat "$work/app.log" >&2; exit 1; }

# Route queries join the mix once POST /api/routes/introductions exists; until then that slot reads relationships by type.
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "X-Api-Key: $LOAD_KEY" -H 'Content-Type: application/json' \
  -d '{"from":["pole-eau"],"to":{"kind":"MiniCluster","country":"KR"},"k":3}' "http://127.0.0.1:$port/api/routes/introductions")
if [ "$status" = "200" ]; then export LOAD_ROUTES=1; else export LOAD_ROUTES=0; fi

echo "== wrk -t$threads -c$connections -d$duration --latency -s tests/load/mix.lua (routes in mix: $LOAD_ROUTES)"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s tests/load/mix.lua "http://127.0.0.1:$port"
echo "== actors after the run: $(curl -s -H "X-Api-Key: $LOAD_KEY" "http://127.0.0.1:$port/api/actors?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
