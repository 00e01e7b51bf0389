#!/usr/bin/env bash
# Route latency right after a start, for each way the service is launched (docs/performance.md, issue 26 point 1):
#   tests/perf/launches.sh DB PAIRS_TSV [REQUESTS=2000] [LAUNCHES="run fd sc fd-default"]
# DB is a SQLite file imported with the CLI (e.g. by tests/perf/routes_vs_peers.sh, or `GraphApi.Benchmarks
# peers-export 100000 4 DIR 40` then `dotnet GraphApi.dll import …`), PAIRS_TSV the pairs peers-export wrote. The
# file is copied into a work directory once (a first untimed start saves its snapshot beside it), then each launch:
#   run         `dotnet run -c Release --no-launch-profile --project src/GraphApi` (the build output, apphost)
#   fd          `dotnet GraphApi.dll` of `dotnet publish -c Release` (framework-dependent)
#   sc          `./GraphApi` of `dotnet publish -c Release -r linux-x64 --self-contained`
#   fd-default  the same as fd with the tiering properties taken out of GraphApi.runtimeconfig.json: the runtime's
#               defaults, i.e. the build before issue 26 started without DOTNET_TC_CallCountingDelayMs
# starts the service (Production, no seed, no DOTNET_* variables set), times start → /health/ready, then sends
# REQUESTS k=1 route questions (tests/perf/route_warmup.py: medians per 100) and stops it. LAUNCHES_REUSE=DIR takes
# the fd, sc and fd-default folders of an earlier run's work directory instead of building them again. The container is not
# among them: it runs `dotnet GraphApi.dll` of the same publish output (Dockerfile), i.e. the fd launch.
set -euo pipefail
cd "$(dirname "$0")/../.."
usage="usage: tests/perf/launches.sh DB PAIRS_TSV [REQUESTS=2000] [LAUNCHES]"
db=${1:?$usage}
pairs=${2:?$usage}
requests=${3:-2000}
launches=${4:-run fd sc fd-default}
py=/usr/bin/python3
unset DOTNET_TC_CallCountingDelayMs DOTNET_TieredPGO DOTNET_TieredCompilation DOTNET_gcServer DOTNET_GCgen0size || true

work=$(mktemp -d /tmp/launches.XXXXXX)
key="launch-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
app=""
stop_app() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""; fi; }
trap 'stop_app' EXIT
echo "== work directory: $work"
cp "$db" "$work/graph.db"

if [ -n "${LAUNCHES_REUSE:-}" ]; then  # the fd, sc and fd-default folders of an earlier run (and this tree's Release build)
  for d in fd sc fd-default; do ln -s "$LAUNCHES_REUSE/$d" "$work/$d"; done
else
echo "== builds (dotnet build for run; publish framework-dependent and self-contained)"
dotnet build src/GraphApi -c Release -v q -nologo >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
dotnet publish src/GraphApi -c Release -o "$work/fd" -v q -nologo >"$work/publish-fd.log" 2>&1 || { tail -30 "$work/publish-fd.log"; exit 1; }
dotnet publish src/GraphApi -c Release -r linux-x64 --self-contained -o "$work/sc" -v q -nologo >"$work/publish-sc.log" 2>&1 \
  || { tail -30 "$work/publish-sc.log"; exit 1; }
cp -r "$work/fd" "$work/fd-default"
$py - "$work/fd-default/GraphApi.runtimeconfig.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
properties = config["runtimeOptions"].get("configProperties", {})
for name in [n for n in properties if n.startswith("System.Runtime.Tiered")]:
    del properties[name]
json.dump(config, open(path, "w"), indent=2)
PY
fi
echo "   tiering properties as built: $(grep -h 'TieredCompilation\|TieredPGO' "$work/fd/GraphApi.runtimeconfig.json" | tr -d ' ' | tr '\n' ' ')"

start_app() { # launch name, port
  local launch=$1 port=$2
  local -a command
  case $launch in
    run) command=(dotnet run -c Release --no-build --no-launch-profile --project src/GraphApi --) ;;
    fd|fd-default) command=(dotnet "$work/$launch/GraphApi.dll") ;;
    sc) command=("$work/sc/GraphApi") ;;
    *) echo "unknown launch $launch" >&2; exit 2 ;;
  esac
  env ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$work/graph.db" Seed__Enabled=false \
    RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning \
    "${command[@]}" --urls "http://127.0.0.1:$port" >>"$work/app-$launch.log" 2>&1 &
  app=$!
}
wait_ready() { # port; prints seconds from now
  local port=$1 begin
  begin=$(date +%s.%N)
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      $py -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$begin" "$(date +%s.%N)"; return 0
    fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.05
  done
  echo "the service did not get ready" >&2; exit 1
}
free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

port=$(free_port)
echo "== first start (untimed: it saves the snapshot file)"
start_app fd "$port"; wait_ready "$port" >/dev/null; sleep 5; stop_app

for launch in $launches; do
  port=$(free_port)
  echo "== $launch; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  start_app "$launch" "$port"
  echo "   ready after $(wait_ready "$port") s"
  GRAPHAPI_KEY="$key" $py tests/perf/route_warmup.py "$port" "$pairs" "$requests" | tee "$work/warmup-$launch.txt" | grep -v '^{'
  echo "   steady: $(tail -1 "$work/warmup-$launch.txt" | $py -c 'import json,sys; d=json.load(sys.stdin); print(d["steady"], "ms median (last five blocks), within 25 % of it from request", d["steadyFromRequest"])')"
  stop_app
done
echo "== results kept in $work"
