#!/usr/bin/env bash
# The explorer's overview of a synthetic graph, panned and zoomed in headless Debian Chromium (docs/performance.md):
#   tests/perf/overview_fps.sh [ACTORS=10000] [TIES_PER_ACTOR=4] [SECONDS=6] [SEED=2025]
# 1. `GraphApi.Benchmarks peers-export` writes the synthetic graph as seed-format CSV files (actors.csv,
#    relationships.csv) into a work directory;
# 2. publishes the service in Release, imports the CSV files with the CLI into a fresh SQLite file, starts the service
#    read-only on 127.0.0.1 (Production, no seed);
# 3. times GET /api/overview cold (the server computes the layout) and warm (cached for this graph version);
# 4. runs tests/perf/overview_fps.mjs: opens the Overview tab in /usr/bin/chromium and reports frames per second
#    while dragging and while wheel-zooming (requestAnimationFrame counting), and the time of one full redraw.
# Needs the .NET SDK, Node.js (npm ci in tests/perf, done here), curl and Debian's chromium. Load average printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
actors=${1:-10000}
ties=${2:-4}
seconds=${3:-6}
seed=${4:-2025}
py=/usr/bin/python3

work=$(mktemp -d /tmp/overview-fps.XXXXXX)
port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
app=""
stop_app() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""; fi
}
trap 'stop_app; rm -rf "$work/app"' EXIT

echo "== work directory: $work"
(cd tests/perf && npm ci --no-audit --no-fund --silent)
echo "== peers-export $actors actors x $ties ties, seed $seed"
dotnet run -c Release --project tests/GraphApi.Benchmarks -- peers-export "$actors" "$ties" "$work" 1 "$seed"

# publish, not build: only a published app carries wwwroot (the explorer page and its npm libraries).
echo "== dotnet publish src/GraphApi -c Release -o $work/app"
dotnet publish src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; echo "the service did not build (see $work/build.log)" >&2; exit 1; }

echo "== import (CLI)"
env -C "$work/app" dotnet GraphApi.dll import --actors "$work/actors.csv" --relationships "$work/relationships.csv" \
  --db "$work/graph.db" 2>"$work/import.log" || { tail -20 "$work/import.log"; exit 1; }

echo "== start the service on 127.0.0.1:$port (read-only)"
(
  cd "$work/app"
  ASPNETCORE_ENVIRONMENT=Production Sqlite__Path="$work/graph.db" Seed__Enabled=false Security__ReadOnly=true \
    RateLimit__Enabled=false Logging__LogLevel__Default=Warning exec dotnet GraphApi.dll --urls "http://127.0.0.1:$port"
) >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the service did not get ready" >&2; tail -40 "$work/app.log" >&2; exit 1; }

echo "== GET /api/overview, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in cold warm; do
  curl -fs -o "$work/overview-$run.json" -w "   $run: %{time_total} s, %{size_download} bytes\n" "http://127.0.0.1:$port/api/overview"
done

echo "== Chromium: pan and zoom for ${seconds} s each, load average $(cut -d' ' -f1-3 /proc/loadavg)"
node tests/perf/overview_fps.mjs "http://127.0.0.1:$port/" "$seconds" | tee "$work/overview-fps.txt"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg); results kept in $work"
