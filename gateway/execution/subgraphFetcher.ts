import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Agent } from 'undici';
import { subgraphHeaders, type GatewayContext } from '../context.ts';
import { InFlight } from './inFlight.ts';

/**
 * Headers that identify a request for tracing only; a subgraph's answer to a query does not depend
 * on them, so they are left out when deciding whether two fetches are the same.
 */
const TRACING_HEADERS = new Set(['x-request-id', 'x-correlation-id']);

/** A subgraph's answer as it came over the wire; each caller parses its own copy. */
interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/** What every subgraph fetcher of one gateway shares: kept-alive connections and the fetches in flight. */
export class SubgraphTransport {
  readonly agent: Agent;
  readonly inFlight = new InFlight<RawResponse>();
  /** Requests sent to subgraphs, for `/metrics`. */
  sent = 0;

  constructor(readonly timeoutMs: number) {
    // Connections stay open between requests; each origin gets as many as the load asks for.
    this.agent = new Agent({ keepAliveTimeout: 30_000, connections: 128, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /** Lines for the gateway's `/metrics`. */
  metrics(): string[] {
    return [
      '# TYPE gateway_subgraph_requests_total counter',
      `gateway_subgraph_requests_total ${this.sent}`,
      '# TYPE gateway_subgraph_fetches_deduplicated_total counter',
      `gateway_subgraph_fetches_deduplicated_total ${this.inFlight.joined}`,
    ];
  }
}

/**
 * The gateway's data source for one subgraph: POSTs the plan's fetches over kept-alive connections,
 * with the headers `subgraphHeaders` decides. Two savings Apollo's RemoteGraphQLDataSource lacks:
 * an `_entities` fetch sends each distinct representation once (the plan repeats an entity once
 * per place it occurs), and a query fetch identical to one already in flight (same subgraph,
 * document, variables and headers) waits for that one's answer instead of going out again.
 * Mutations always go out on their own.
 */
export class SubgraphFetcher implements GraphQLDataSource<GatewayContext> {
  readonly #origin: string;
  readonly #path: string;

  constructor(
    readonly name: string,
    readonly url: string,
    readonly transport: SubgraphTransport,
  ) {
    const parsed = new URL(url);
    this.#origin = parsed.origin;
    this.#path = parsed.pathname + parsed.search;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    if (!query) throw new Error('Missing query');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [header, value] of options.request.http?.headers ?? []) headers[header] = value;
    // Apollo's own health checks and schema loads run without an operation's context.
    const context = options.context as Partial<GatewayContext>;
    if (context.requestId) Object.assign(headers, subgraphHeaders(context as GatewayContext, this.name));
    const entities = distinctRepresentations(variables);
    const body = JSON.stringify({ query, variables: entities ? { ...variables, representations: entities.distinct } : variables, operationName });
    const raw = isQuery(query) ? await this.transport.inFlight.run(fetchKey(this.url, body, headers), () => this.#send(body, headers)) : await this.#send(body, headers);
    const response = parseResponse(this.url, raw);
    return entities ? spreadEntities(response, entities.indexes) : response;
  }

  async #send(body: string, headers: Record<string, string>): Promise<RawResponse> {
    this.transport.sent += 1;
    const response = await this.transport.agent.request({ origin: this.#origin, path: this.#path, method: 'POST', headers, body });
    const contentType = String(response.headers['content-type'] ?? '');
    return { status: response.statusCode, contentType, body: await response.body.text() };
  }
}

function isQuery(document: string): boolean {
  const start = document.trimStart();
  return start.startsWith('{') || start.startsWith('query');
}

function fetchKey(url: string, body: string, headers: Record<string, string>): string {
  const identity = Object.keys(headers)
    .filter((header) => !TRACING_HEADERS.has(header.toLowerCase()))
    .sort()
    .map((header) => `${header.toLowerCase()}:${headers[header]}`)
    .join('\n');
  return `${url}\n${identity}\n${body}`;
}

/** Like RemoteGraphQLDataSource: a non-2xx status or a body that is not a JSON object fails the fetch. */
function parseResponse(url: string, raw: RawResponse): GatewayGraphQLResponse {
  const json = raw.contentType.startsWith('application/json') || raw.contentType.startsWith('application/graphql-response+json');
  const body: unknown = json ? JSON.parse(raw.body) : raw.body;
  if (raw.status < 200 || raw.status > 299) {
    const statusText = STATUS_CODES[raw.status] ?? '';
    const code = raw.status === 401 ? 'UNAUTHENTICATED' : raw.status === 403 ? 'FORBIDDEN' : undefined;
    throw new GraphQLError(`${raw.status}: ${statusText}`, { extensions: { ...(code && { code }), response: { url, status: raw.status, statusText, body } } });
  }
  if (body === null || typeof body !== 'object') throw new Error(`Expected JSON response body, but received: ${raw.body}`);
  return body as GatewayGraphQLResponse;
}

interface DistinctRepresentations {
  distinct: unknown[];
  /** For each representation the plan asked for, the index of its equal in `distinct`. */
  indexes: number[];
}

function distinctRepresentations(variables: Record<string, unknown> | undefined): DistinctRepresentations | undefined {
  const representations = variables?.representations;
  if (!Array.isArray(representations)) return undefined;
  const seen = new Map<string, number>();
  const distinct: unknown[] = [];
  // The gateway builds every representation of one fetch from the same selection, so equal
  // entities serialise with their keys in the same order.
  const indexes = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = seen.get(key);
    if (index === undefined) {
      index = distinct.push(representation) - 1;
      seen.set(key, index);
    }
    return index;
  });
  return distinct.length === representations.length ? undefined : { distinct, indexes };
}

/** Puts the answers for distinct representations back at every place the plan asked for them. */
function spreadEntities(response: GatewayGraphQLResponse, indexes: number[]): GatewayGraphQLResponse {
  const answered = response.data?._entities;
  if (!Array.isArray(answered)) return response;
  const data = { ...response.data, _entities: indexes.map((index) => answered[index]) };
  if (!response.errors) return { ...response, data };
  const errors = response.errors.flatMap((error): GraphQLFormattedError[] => {
    const [field, index, ...rest] = error.path ?? [];
    if (field !== '_entities' || typeof index !== 'number') return [error];
    return indexes.flatMap((distinct, original) => (distinct === index ? [{ ...error, path: ['_entities', original, ...rest] }] : []));
  });
  return { ...response, data, errors };
}
