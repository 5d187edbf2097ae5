/**
 * Builds a persisted-query manifest from `.graphql` files: every named operation, printed with
 * the fragments it uses, under the sha256 of that text. Put the manifest in the gateway's
 * PERSISTED_DOCUMENTS_DIR; the app sends `{"documentId": "sha256:<id>"}` (or Apollo's
 * `extensions.persistedQuery`) instead of the query.
 *
 *   npm run documents -- app/**.graphql > persisted/app.json
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
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
const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));

/** The fragments a definition spreads, directly or through other fragments, in name order. */
function usedFragments(root: DefinitionNode): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`Unknown fragment ${spread.name.value}`);
        if (!used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          walk(fragment);
        }
      },
    });
  walk(root);
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

const operations: PersistedQueryManifest['operations'] = [];
for (const definition of definitions) {
  if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
  if (!definition.name) throw new Error('Every persisted operation needs a name');
  const body = [definition, ...usedFragments(definition)].map((node) => print(node)).join('\n\n');
  operations.push({ id: sha256(body), body, name: definition.name.value, type: definition.operation });
}
const manifest: PersistedQueryManifest = { format: 'apollo-persisted-query-manifest', version: 1, operations };
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
