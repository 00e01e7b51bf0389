#!/usr/bin/env bash
# Loads the exports of the shipped dataset in reference readers and compares them with the seed CSVs:
#   GraphML and GEXF (1.2draft, and 1.3 where NetworkX >= 3)  -> NetworkX (Debian: apt-get install -y python3-networkx)
#   Cytoscape JSON                                             -> Cytoscape.js headless (npm install cytoscape@3.34.4)
# Needs: a built src/GraphApi (dotnet build), python3 with networkx, node + npm (registry reachable, or
# INTEROP_NODE_DIR pointing at a folder where cytoscape is already installed).
# Env: PYTHON (default /usr/bin/python3, Debian's), CONFIGURATION (default Debug).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
app="$root/src/GraphApi/bin/${CONFIGURATION:-Debug}/net10.0/GraphApi.dll"
[ -f "$app" ] || { echo "build first: dotnet build src/GraphApi ($app not found)"; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

graphapi() { dotnet "$app" "$@" --db "$work/graph.db"; }
graphapi import --actors "$root/cypher/seed/actors.csv" --relationships "$root/cypher/seed/relationships.csv" 2>/dev/null
graphapi export --format graphml --out "$work/graph.graphml" 2>/dev/null
graphapi export --format gexf --gexf-version 1.2draft --out "$work/graph-1.2draft.gexf" 2>/dev/null
graphapi export --format gexf --out "$work/graph-1.3.gexf" 2>/dev/null
graphapi export --format cytoscape --out "$work/graph.cyjs" 2>/dev/null

status=0
"$python" "$root/tests/interop/check_exports.py" "$root/cypher/seed" "$work" --expected-json "$work/expected.json" || status=1

node_dir="${INTEROP_NODE_DIR:-$work/node}"
if [ ! -d "$node_dir/node_modules/cytoscape" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm install --silent --no-audit --no-fund cytoscape@3.34.4 >/dev/null)
fi
node "$root/tests/interop/check_cytoscape.cjs" "$node_dir" "$work/graph.cyjs" "$work/expected.json" || status=1
exit $status
