// An ESM build for the browser without bare imports: dist/browser/index.js imports openapi-fetch from the file beside
// it (copied from node_modules at build time, git-ignored), so a page can load it with <script type="module"> and no
// bundler or import map. openapi-fetch's ESM build imports nothing itself, which this checks.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "browser");
mkdirSync(out, { recursive: true });

const fetchModule = join(dirname(createRequire(import.meta.url).resolve("openapi-fetch/package.json")), "dist", "index.mjs");
if (/^\s*import\s/m.test(readFileSync(fetchModule, "utf8"))) {
  throw new Error(`${fetchModule} imports other modules: bundle it instead of copying it`);
}
copyFileSync(fetchModule, join(out, "openapi-fetch.js"));

const index = readFileSync(join(root, "dist", "index.js"), "utf8");
const rewritten = index.replace(/from "openapi-fetch";/, 'from "./openapi-fetch.js";');
if (rewritten === index || /from "(?!\.)/.test(rewritten)) {
  throw new Error("dist/index.js no longer imports openapi-fetch as expected: update scripts/browser-build.mjs");
}
writeFileSync(join(out, "index.js"), rewritten);
