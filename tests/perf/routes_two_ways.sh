#!/usr/bin/env bash
# Routes to one actor over HTTP beside NetworkX, igraph and graph-tool, a warm tight loop and interleaved with the
# peers' work, in one run (docs/performance.md, issue 26 point 4):
#   tests/perf/routes_two_ways.sh DB DIR [ROUNDS=5] [WARM=2000]
# DB: the SQLite file DIR's CSV files were imported into (`GraphApi.Benchmarks peers-export 100000 4 DIR 40`, then
# `dotnet GraphApi.dll import --actors DIR/actors.csv --relationships DIR/relationships.csv --db DB`); copied, never
# changed. Publishes the service (Release, framework-dependent), starts it as `dotnet GraphApi.dll` with no DOTNET_*
# variables (the settings are the build's), then runs tests/perf/routes_two_ways.py (see there) with Debian's python3.
# GRAPHAPI_APP=DIR uses that publish output instead of publishing this tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:?usage: tests/perf/routes_two_ways.sh DB DIR [ROUNDS=5] [WARM=2000]}
dir=${2:?usage: tests/perf/routes_two_ways.sh DB DIR [ROUNDS=5] [WARM=2000]}
py=/usr/bin/python3
unset DOTNET_TC_CallCountingDelayMs DOTNET_TieredPGO DOTNET_gcServer DOTNET_GCgen0size || true
work=$(mktemp -d /tmp/routes-two-ways.XXXXXX)
key="two-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
app=""
trap '[ -n "$app" ] && { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; }; true' EXIT
echo "== work directory: $work"
cp "$db" "$work/graph.db"
[ -f "$db.snapshot" ] && cp "$db.snapshot" "$work/graph.db.snapshot"
if [ -n "${GRAPHAPI_APP:-}" ]; then ln -s "$GRAPHAPI_APP" "$work/app"; else  # a publish output given, e.g. an older build
  dotnet publish src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; exit 1; }
fi
env ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$work/graph.db" Seed__Enabled=false \
  RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning \
  dotnet "$work/app/GraphApi.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the service did not get ready" >&2; tail -30 "$work/app.log" >&2; exit 1; }
echo "== service ready (dotnet GraphApi.dll); load average $(cut -d' ' -f1-3 /proc/loadavg)"
GRAPHAPI_KEY="$key" $py tests/perf/routes_two_ways.py "$dir" "$port" "${3:-5}" "${4:-2000}"
echo "== load average at the end $(cut -d' ' -f1-3 /proc/loadavg); results in $dir/two-ways.json, service log in $work"
