#!/usr/bin/env bash
# Reads during saturated analyses, two builds in one run (docs/performance.md, issue 22):
#   tests/perf/analysis_saturation.sh BEFORE_REV [AFTER_REV=working tree] [SECONDS=30] [CLIENTS=16]
# Builds BEFORE_REV (git archive) and the working tree (or AFTER_REV) in Release, imports one synthetic 10k / 40k
# network (tests/perf/synthetic_csv.py 10000 4) with the CLI, then for each build: starts the service on a copy of
# that store and runs tests/perf/analysis_saturation.py (reads alone, then reads while CLIENTS connections ask
# distinct sampled gateway analyses back to back). The 1-minute load average is printed before each build's run.
set -euo pipefail
cd "$(dirname "$0")/../.."
before=$1
after=${2:-}
seconds=${3:-30}
clients=${4:-16}

work=$(mktemp -d)
key="sat-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
app=""
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; rm -rf "$work"' EXIT

build() { # name, rev (empty: working tree)
  local src="$PWD"
  if [ -n "$2" ]; then
    src="$work/src-$1"; mkdir -p "$src"
    git archive "$2" | tar -x -C "$src"
    # The explorer's npm packages are not in git; copying them spares an npm ci (the API does not need them anyway).
    [ -d src/GraphApi/node_modules ] && cp -r src/GraphApi/node_modules "$src/src/GraphApi/"
  fi
  dotnet build "$src/src/GraphApi" -c Release -o "$work/app-$1" -v q -nologo >"$work/build-$1.log" 2>&1 \
    || { tail -30 "$work/build-$1.log"; exit 1; }
  echo "built $1 from ${2:-the working tree (HEAD $(git rev-parse --short HEAD) and any uncommitted change)}"
}

build before "$before"
build after "$after"
python3 tests/perf/synthetic_csv.py "$work/csv" 10000 4
env -C "$work/app-after" dotnet GraphApi.dll import --actors "$work/csv/actors.csv" --relationships "$work/csv/relationships.csv" \
  --db "$work/graph.db" >"$work/import.log" 2>&1 || { tail -20 "$work/import.log"; exit 1; }

for name in before after; do
  cp "$work/graph.db" "$work/run-$name.db"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  ASPNETCORE_ENVIRONMENT=Production GRAPHAPI_ADMIN_KEY="$key" Sqlite__Path="$work/run-$name.db" Seed__Enabled=false \
    RateLimit__ExemptKeys__0=bootstrap-admin Logging__LogLevel__Default=Warning GraphStore__SnapshotFile=false \
    dotnet "$work/app-$name/GraphApi.dll" --urls "http://127.0.0.1:$port" >"$work/app-$name.log" 2>&1 &
  app=$!
  for _ in $(seq 1 480); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.25; done
  echo "== $name ($(nproc) cores; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg))"
  python3 tests/perf/analysis_saturation.py "http://127.0.0.1:$port" "$key" "$seconds" "$clients"
  echo "   load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
done
