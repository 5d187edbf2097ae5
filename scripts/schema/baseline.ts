// What a proposed schema is compared with: the released API schema under schema/ (with the
// supergraph it came from, for who owned what), or the supergraph at a git ref.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { ComposedGraph } from './composition.ts';

/** The released API schema: the contract front-end teams read, and the check's default baseline. */
export const RELEASED_SCHEMA = 'schema/released.graphql';
/** The supergraph of the last release, kept for which subgraph owned what the next release removes. */
export const RELEASED_SUPERGRAPH = 'schema/released.supergraph.graphql';
export const CHANGELOG = 'schema/CHANGELOG.md';

export interface Baseline {
  label: string;
  schema: GraphQLSchema;
  owners: (coordinate: string) => string[];
}

/** The last release under `root`, or undefined before the first. */
export function releasedBaseline(root: string): Baseline | undefined {
  if (!existsSync(join(root, RELEASED_SCHEMA))) return undefined;
  const supergraphPath = join(root, RELEASED_SUPERGRAPH);
  const graph = existsSync(supergraphPath) ? new ComposedGraph(readFileSync(supergraphPath, 'utf8')) : undefined;
  return { label: RELEASED_SCHEMA, schema: buildSchema(readFileSync(join(root, RELEASED_SCHEMA), 'utf8')), owners: (coordinate) => graph?.owners(coordinate) ?? [] };
}

/** The API schema of `supergraph.graphql` as committed at a git ref. */
export function gitBaseline(root: string, ref: string): Baseline {
  let supergraphSdl: string;
  try {
    supergraphSdl = execFileSync('git', ['show', `${ref}:supergraph.graphql`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`Cannot read supergraph.graphql at ${ref}: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  }
  const graph = new ComposedGraph(supergraphSdl);
  return { label: `supergraph.graphql at ${ref}`, schema: graph.apiSchema(), owners: (coordinate) => graph.owners(coordinate) };
}
