#!/usr/bin/env bash
# Exact betweenness (unweighted and weighted) in GraphApi against igraph and graph-tool on the same synthetic graph,
# in one run on this machine, and the (epsilon, delta) estimate on the 100k graph (docs/performance.md, issue 12):
#   tests/perf/betweenness_vs_peers.sh [ACTORS=10000] [TIES_PER_ACTOR=4]
# 1. `GraphApi.Benchmarks peers-export` writes the graph (edges.tsv) into a work directory;
# 2. `GraphApi.Benchmarks analysis quick peers` times Centrality.Compute in process on the same generated network
#    (same generator, same seed 2025), 3 runs each, prints the top actor and its value, and writes every actor's value;
# 3. tests/perf/peers.py betweenness and weighted-betweenness time igraph and graph-tool on edges.tsv (NetworkX only
#    when PEERS_NX_MAX_N allows; it needs minutes at 10k) and compare each library's values with ours node by node;
# 4. `GraphApi.Benchmarks analysis quick epsilon` times the epsilon = 0.01, delta = 0.1 estimate on 100k / 400k.
# The load average is printed between the steps: the machine is shared, so compare the ratios within one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
actors=${1:-10000}
ties=${2:-4}
py=/usr/bin/python3   # Debian's python, which sees the Debian-packaged libraries
work=$(mktemp -d /tmp/betweenness-vs-peers.XXXXXX)
export PEERS_NX_MAX_N=${PEERS_NX_MAX_N:-0} PEERS_REPEAT_BUDGET=${PEERS_REPEAT_BUDGET:-120} PEERS_GT_ONE_THREAD=${PEERS_GT_ONE_THREAD:-0}

echo "== work directory: $work; load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project tests/GraphApi.Benchmarks -- peers-export "$actors" "$ties" "$work" 1
dotnet build -c Release tests/GraphApi.Benchmarks -v q -nologo >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; exit 1; }
echo "== GraphApi in process; load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --no-build --project tests/GraphApi.Benchmarks -- analysis quick peers write-betweenness "$work"
echo "== peers, unweighted; load: $(cut -d' ' -f1-3 /proc/loadavg)"
$py tests/perf/peers.py betweenness "$work"
echo "== peers, weighted; load: $(cut -d' ' -f1-3 /proc/loadavg)"
$py tests/perf/peers.py weighted-betweenness "$work"
echo "== GraphApi epsilon = 0.01, delta = 0.1 on 100k / 400k; load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --no-build --project tests/GraphApi.Benchmarks -- analysis quick epsilon
echo "== done; load: $(cut -d' ' -f1-3 /proc/loadavg)"
