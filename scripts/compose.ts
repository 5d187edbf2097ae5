/**
 * Composes the subgraph schemas into `supergraph.graphql` with @apollo/composition.
 * `npm run compose` writes it; `npm run compose -- --check` fails when the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { loadConfig, SYSTEMS } from '../platform/config.ts';
import { SUPERGRAPH_PATH } from '../gateway/server.ts';

const USAGE = `usage: npm run compose [-- --check]

Composes every subgraph's schema.graphql into supergraph.graphql (the gateway serves it).
  --check   write nothing; fail when the committed supergraph.graphql is stale`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}

const root = join(import.meta.dirname, '..');
const defaults = loadConfig({});
const services = SYSTEMS.filter((name) => existsSync(join(root, 'subgraphs', name, 'schema.graphql'))).map((name) => ({
  name,
  url: defaults.systems[name].url,
  typeDefs: parse(readFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'utf8')),
}));

const result = composeServices(services);
if (result.errors) {
  console.error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  process.exit(1);
}
for (const hint of result.hints ?? []) console.warn(`hint: ${hint.toString()}`);
const supergraph = `${result.supergraphSdl.trimEnd()}\n`;

if (process.argv.includes('--check')) {
  const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log(`supergraph.graphql is current (${services.map((s) => s.name).join(', ')}).`);
} else {
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(`Wrote supergraph.graphql from ${services.map((s) => s.name).join(', ')}.`);
}
