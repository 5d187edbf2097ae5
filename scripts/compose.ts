/**
 * Composes the subgraph schemas into `supergraph.graphql` with @apollo/composition.
 * `npm run compose` writes it; `npm run compose -- --check` fails when the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPERGRAPH_PATH } from '../gateway/server.ts';
import { composeSubgraphs } from './schema/composition.ts';

const USAGE = `usage: npm run compose [-- --check]

Composes every subgraph's schema.graphql (and the gateway's own gateway/schema.graphql) into
supergraph.graphql (the gateway serves it).
  --check   write nothing; fail when the committed supergraph.graphql is stale`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}

const composition = composeSubgraphs(join(import.meta.dirname, '..'));
if (!composition.ok) {
  console.error(`Composition failed:\n${composition.errors.map((error) => `  - ${error}`).join('\n')}`);
  process.exit(1);
}
for (const hint of composition.hints) console.warn(`hint: ${hint}`);
const { supergraphSdl: supergraph, subgraphs } = composition;

if (process.argv.includes('--check')) {
  const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log(`supergraph.graphql is current (${subgraphs.join(', ')}).`);
} else {
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(`Wrote supergraph.graphql from ${subgraphs.join(', ')}.`);
}
