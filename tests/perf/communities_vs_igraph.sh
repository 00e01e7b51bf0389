#!/usr/bin/env bash
# Communities (Leiden, resolution 1, seed 42) in GraphApi beside igraph's Leiden on the same graphs, in one run
# (docs/performance.md, issue 15):
#   tests/perf/communities_vs_igraph.sh
# 1. `GraphApi.Benchmarks analysis communities DIR` times CommunityDetection.Compute (3 runs each; wall and CPU) on the
#    synthetic 10k / 40k and 100k / 400k networks and on seeded planted-partition graphs, and writes each graph and
#    our membership into DIR;
# 2. tests/perf/communities_vs_igraph.py times igraph's community_leiden on the same graphs and scores both partitions
#    with igraph's modularity.
# The load average is printed between the steps: the machine is shared, so compare within one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/communities-vs-igraph.XXXXXX)
echo "== work directory: $work; load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release tests/GraphApi.Benchmarks -v q -nologo >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; exit 1; }
echo "== GraphApi in process; load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --no-build --project tests/GraphApi.Benchmarks -- analysis communities "$work"
echo "== igraph; load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 tests/perf/communities_vs_igraph.py "$work"
echo "== done; load: $(cut -d' ' -f1-3 /proc/loadavg)"
