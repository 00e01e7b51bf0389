// The stricter lint (redocly-strict.yaml) on the OpenAPI document the build writes, with its counts: what is left per
// rule, and the document's figures (parameters and properties described, enums, declared statuses). It fails when
// more problems are left than strict-lint.allowed permits; that allowance only goes down, to 0 once every feature
// folder describes its parameters and properties (issue 24), when this check is as strict as its ruleset.
// Usage: node strict-lint.mjs [path/to/openapi.json]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const document = process.argv[2] ?? join(here, "..", "..", "clients", "typescript", "generated", "openapi.json");
const allowed = Number.parseInt(readFileSync(join(here, "strict-lint.allowed"), "utf8").trim(), 10);

let output;
try {
  output = execFileSync("npx", ["--no-install", "redocly", "lint", document, "--config", join(here, "redocly-strict.yaml"),
    "--format=json", "--max-problems", "100000"], { cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
} catch (failed) {
  output = failed.stdout; // redocly exits 1 when it finds problems; its report is still on stdout
}
const problems = JSON.parse(output).problems;
const byRule = new Map();
for (const problem of problems) {
  byRule.set(problem.ruleId, (byRule.get(problem.ruleId) ?? 0) + 1);
}

const figures = countFigures(JSON.parse(readFileSync(document, "utf8")));
console.log(`document: ${figures.operations} operations, ${figures.parameters} parameters (${figures.parametersDescribed} described), ` +
  `${figures.enums} enums, ${figures.statuses} declared statuses, ${figures.properties} schema properties (${figures.propertiesDescribed} described)`);
for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${String(count).padStart(5)}  ${rule}`);
}
console.log(`strict lint: ${problems.length} problems, ${allowed} allowed (tests/clients/strict-lint.allowed)`);
if (problems.length > allowed) {
  console.error("strict lint: more problems than allowed; run `node strict-lint.mjs` in tests/clients, or `npx redocly lint` with redocly-strict.yaml, to see where");
  process.exit(1);
}
if (problems.length < allowed) {
  console.log(`strict lint: fewer problems than allowed: lower strict-lint.allowed to ${problems.length}`);
}

function countFigures(root) {
  const figures = { operations: 0, parameters: 0, parametersDescribed: 0, enums: 0, statuses: 0, properties: 0, propertiesDescribed: 0 };
  const walk = (node) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === "object") {
      if ("enum" in node) figures.enums++;
      Object.values(node).forEach(walk);
    }
  };
  walk(root);
  for (const item of Object.values(root.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!["get", "put", "post", "delete", "patch", "head"].includes(method)) continue;
      figures.operations++;
      for (const parameter of operation.parameters ?? []) {
        figures.parameters++;
        if (parameter.description) figures.parametersDescribed++;
      }
      figures.statuses += Object.keys(operation.responses ?? {}).length;
    }
  }
  for (const schema of Object.values(root.components?.schemas ?? {})) {
    for (const property of Object.values(schema.properties ?? {})) {
      figures.properties++;
      if (property.description) figures.propertiesDescribed++;
    }
  }
  return figures;
}
