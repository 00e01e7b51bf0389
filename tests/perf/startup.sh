#!/usr/bin/env bash
# Start-up time and memory (docs/performance.md): builds the service in Release, starts it on a given SQLite file
# (no seeding), and prints the seconds from process start to the first 200 of /health/ready and the resident memory
# (RSS) a second later, and the service's own log line (load time, managed heap). Run it three times and take the
# median; the file is only read.
#   tests/perf/startup.sh DB
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:?usage: tests/perf/startup.sh DB}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
dotnet build src/GraphApi -c Release -o "$work/app" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
start=$(date +%s.%N)
env ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="startup-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" \
  Sqlite__Path="$db" Seed__Enabled=false Logging__LogLevel__Default=Warning "Logging__LogLevel__GraphApi.Hosting.GraphInitializer=Information" \
  dotnet "$work/app/GraphApi.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do
  if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    end=$(date +%s.%N)
    sleep 1 # the service compacts its heap once, a moment after the load
    echo "ready after $(python3 -c "print(round($end - $start, 2))") s; RSS one second later $(( $(ps -o rss= -p "$app") / 1024 )) MB"
    grep -o "Graph loaded.*" "$work/app.log" || true
    exit 0
  fi
  sleep 0.05
done
echo "not ready after 60 s" >&2; cat "$work/app.log" >&2; exit 1
