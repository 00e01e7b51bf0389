// Lints every .cypher file of the repository with Neo4j's own Cypher language support
// (@neo4j-cypher/language-support, pinned in package.json). Usage: node lint.mjs [repository root]
// Prints file:line:column: severity: message for each diagnostic and exits 1 if any is an error.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '..', '..'));
const skippedFolders = new Set(['node_modules', 'bin', 'obj', '.git', 'TestResults']);

// The adapter supplies its parameters at run time, so the linter cannot know them; this is the only message
// it is told to ignore. Everything else it reports (syntax, semantics, deprecations) counts.
const undefinedParameter = /^Parameter \$\w+ is not defined\.?$/;

function cypherFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return skippedFolders.has(entry.name) ? [] : cypherFiles(join(folder, entry.name));
    }
    return entry.name.endsWith('.cypher') ? [join(folder, entry.name)] : [];
  });
}

// The catalogue's type names, read from the C# source, so a typo in a relationship type shows as a warning.
function catalogueTypes() {
  const source = readFileSync(join(root, 'src', 'GraphApi.Core', 'Domain', 'RelationshipTypes.cs'), 'utf8');
  return [...source.matchAll(/new\("([A-Z_]+)",/g)].map((m) => m[1]);
}

// Splits a script the way the adapter does: a statement ends where a line ends with ';'. Comment and blank
// lines between statements belong to none. Returns each statement with the file line it starts on (0-based).
export function splitStatements(text) {
  const statements = [];
  let lines = [];
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (lines.length === 0 && (line === '' || line.trimStart().startsWith('//'))) {
      return;
    }
    if (lines.length === 0) {
      start = index;
    }
    const ends = line.endsWith(';');
    lines.push(ends ? line.slice(0, -1) : line);
    if (ends) {
      statements.push({ text: lines.join('\n'), line: start });
      lines = [];
    }
  });
  if (lines.join('').trim() !== '') {
    statements.push({ text: lines.join('\n'), line: start });
  }
  return statements;
}

const schema = {
  // The change log, the audit trail, the introduction ledger and merged actors' redirects (src/GraphApi.Neo4j).
  labels: ['Actor', 'GraphVersion', 'ChangeSet', 'AuditEntry', 'Introduction', 'IntroductionEvent', 'ActorRedirect'],
  // __TYPE__ is the placeholder the adapter replaces with a catalogue name (see src/GraphApi.Neo4j/CypherQueries.cs).
  relationshipTypes: [...catalogueTypes(), '__TYPE__', 'HAS_EVENT'],
};

let errors = 0;
let warnings = 0;
let statementCount = 0;
const files = cypherFiles(root).sort();
for (const file of files) {
  const name = relative(root, file);
  const statements = splitStatements(readFileSync(file, 'utf8'));
  if (statements.length === 0) {
    console.log(`${name}:1:1: error: the file holds no statement`);
    errors++;
  }
  for (const statement of statements) {
    statementCount++;
    const { diagnostics } = lintCypherQuery(statement.text, schema);
    for (const diagnostic of diagnostics) {
      if (undefinedParameter.test(diagnostic.message)) {
        continue;
      }
      const isError = diagnostic.severity === 1;
      isError ? errors++ : warnings++;
      const line = statement.line + diagnostic.range.start.line + 1;
      const column = diagnostic.range.start.character + 1;
      console.log(`${name}:${line}:${column}: ${isError ? 'error' : 'warning'}: ${diagnostic.message}`);
    }
  }
}
console.log(`cypher-lint: ${files.length} files, ${statementCount} statements, ${errors} errors, ${warnings} warnings`);
process.exit(errors > 0 ? 1 : 0);
