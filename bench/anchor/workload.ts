/**
 * The anchor workload: the public gateways benchmark's one query, the exact response a correct
 * gateway returns, and its supergraph pointed at wherever the anchor subgraphs run.
 */
import { readFileSync } from 'node:fs';
import { withSubgraphUrls } from '../supergraph.ts';

/** A file of this folder (the anchor's data, SDLs and query), as text. */
export const read = (file: string): string => readFileSync(new URL(file, import.meta.url), 'utf8');

/** The k6 query, byte for byte (no trailing newline). */
export const ANCHOR_QUERY = read('query.graphql');
/** The request body k6 sends: `{"query": ...}`, no variables, no operation name. */
export const ANCHOR_BODY = JSON.stringify({ query: ANCHOR_QUERY });
/** The compact JSON response, 87,599 bytes, no trailing newline. */
export const ANCHOR_EXPECTED = read('expected-response.json');

/** The benchmark's supergraph with its subgraph URLs (http://0.0.0.0:4200/<name>) moved to `baseUrl`/<name>. */
export function anchorSupergraph(baseUrl: string): string {
  return withSubgraphUrls(read('supergraph.graphql'), (name) => `${baseUrl}/${name}`);
}

// The expected body without its closing brace: a correct answer is this followed by `}`, or by an
// `extensions` member that reports no errors (our gateway adds its correlation id there).
const EXPECTED_OPEN = ANCHOR_EXPECTED.slice(0, -1);
const EXTENSIONS_TAIL = /^,"extensions":\{.*\}\}$/s;

/**
 * Whether a gateway's response body is the expected answer: the same bytes (a trailing newline
 * ignored), or the same bytes plus an `extensions` member without errors.
 */
export function isAnchorAnswer(body: string): boolean {
  if (!body.startsWith(EXPECTED_OPEN)) return false;
  const tail = body.slice(EXPECTED_OPEN.length).replace(/\n$/, '');
  return tail === '}' || (EXTENSIONS_TAIL.test(tail) && !tail.includes('"errors"'));
}
