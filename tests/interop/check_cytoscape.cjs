// Loads GraphApi's Cytoscape JSON export headless in Cytoscape.js and compares it with the seed (expected.json,
// written by check_exports.py). Usage: node check_cytoscape.cjs MODULE_DIR export.cyjs expected.json
const path = require('path');
const fs = require('fs');
const cytoscape = require(path.join(process.argv[2], 'node_modules', 'cytoscape'));
const doc = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const expected = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
const failures = [];
const expect = (what, actual, wanted) => {
  if (JSON.stringify(actual) !== JSON.stringify(wanted)) failures.push(`${what}: read ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
};

const cy = cytoscape({ headless: true, elements: doc.elements });
const actorIds = Object.keys(expected.actors);
const relIds = Object.keys(expected.relationships);
expect('node count', cy.nodes().length, actorIds.length);
expect('edge count', cy.edges().length, relIds.length);
for (const id of actorIds) {
  const node = cy.getElementById(id);
  if (node.empty() || !node.isNode()) { failures.push(`node ${id} missing`); continue; }
  for (const [key, value] of Object.entries(expected.actors[id])) expect(`node ${id} ${key}`, node.data(key) ?? null, value);
}
for (const id of relIds) {
  const edge = cy.getElementById('rel:' + id);
  const wanted = expected.relationships[id];
  if (edge.empty() || !edge.isEdge()) { failures.push(`edge ${id} missing`); continue; }
  expect(`edge ${id} source`, edge.source().id(), wanted.source);
  expect(`edge ${id} target`, edge.target().id(), wanted.target);
  for (const key of ['type', 'since', 'until', 'inferred', 'evidenceQuote', 'strength']) expect(`edge ${id} ${key}`, edge.data(key) ?? null, wanted[key]);
}
const version = require(path.join(process.argv[2], 'node_modules', 'cytoscape', 'package.json')).version;
console.log(`Cytoscape.js ${version} (headless) loaded ${cy.nodes().length} nodes and ${cy.edges().length} edges; ` +
  `seed has ${actorIds.length} actors and ${relIds.length} relationships; components: ${cy.elements().components().length}`);
if (failures.length) {
  console.log(`FAILED: ${failures.length} mismatch(es)`);
  failures.slice(0, 50).forEach(f => console.log('  ' + f));
  process.exit(1);
}
console.log('OK: Cytoscape JSON export matches the seed');
