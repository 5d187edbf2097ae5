/**
 * Builds a persisted-query manifest from `.graphql` files: every named operation, printed with
 * the fragments it uses, under the sha256 of that text. Put the manifest in the gateway's
 * PERSISTED_DOCUMENTS_DIR; the app sends `{"documentId": "sha256:<id>"}` (or Apollo's
 * `extensions.persistedQuery`) instead of the query.
 *
 *   npm run -s documents -- app/**.graphql > persisted/app.json   (-s: no npm banner in the manifest)
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { fragmentsOf, spreadFragments } from '../gateway/documents.ts';
import { sha256, type PersistedQueryManifest } from '../gateway/limits/trustedDocuments.ts';

const USAGE = `usage: npm run -s documents -- <file.graphql>... > persisted/<app>.json

Prints a persisted-query manifest of every named operation in the files (with the fragments it
uses) on stdout. Put it in the gateway's PERSISTED_DOCUMENTS_DIR. Keep npm's -s: without it npm
prints its banner into the manifest.`;

const files = process.argv.slice(2);
if (files.includes('--help') || files.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (files.length === 0) {
  console.error(USAGE);
  process.exit(2);
}

const definitions: DefinitionNode[] = files.flatMap((file) => parse(readFileSync(file, 'utf8')).definitions);
const fragments = fragmentsOf({ definitions });

const operations: PersistedQueryManifest['operations'] = [];
for (const definition of definitions) {
  if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
  if (!definition.name) throw new Error('Every persisted operation needs a name');
  const body = [definition, ...spreadFragments(definition, fragments)].map((node) => print(node)).join('\n\n');
  operations.push({ id: sha256(body), body, name: definition.name.value, type: definition.operation });
}
const manifest: PersistedQueryManifest = { format: 'apollo-persisted-query-manifest', version: 1, operations };
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
