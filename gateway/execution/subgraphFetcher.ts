import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Agent } from 'undici';
import type { ResilienceConfig } from '../../platform/config.ts';
import { ErrorCode, HubError } from '../../platform/errors.ts';
import { boundedLabel, Counter, Histogram, LATENCY_BUCKETS, mirroredCounter, mirroredGauge, type Registry } from '../../platform/metrics.ts';
import { subgraphHeaders, type GatewayContext } from '../context.ts';
import { mergedVariables, mergeEntityQueries, splitMergedAnswer } from './entityMerge.ts';
import { canonicalJson, InFlight } from './inFlight.ts';
import { jsonCopy, sameJson } from './jsonData.ts';
import { SubgraphCircuit, SubgraphFailure } from './subgraphCircuit.ts';
import { injectTraceHeaders } from '../../platform/tracing.ts';

/**
 * Headers that identify a request for tracing only; a subgraph's answer to a query does not depend
 * on them, so they are left out when deciding whether two fetches are the same.
 */
const TRACING_HEADERS = new Set(['x-request-id', 'x-correlation-id', 'traceparent', 'tracestate']);

const CIRCUIT_GAUGE = { closed: 0, 'half-open': 1, open: 2 } as const;

/** Statuses that say the subgraph (or what stands in front of it) cannot answer now: worth a retry. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

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
  /**
   * `_entities` fetches waiting for the end of this event-loop turn, by the request they go out in
   * (subgraph and headers), then by what they must share to send their representations together.
   */
  readonly entityRequests = new Map<string, Map<string, EntityBatch>>();
  /** Requests sent to subgraphs, for `/metrics`. */
  sent = 0;
  /** `_entities` fetches that went out inside another fetch's request, for `/metrics`. */
  batched = 0;
  /**
   * Whether a query fetch may wait for an identical one in flight. Off with the entity cache: the
   * one in flight may have started before a write, and its answer would be stored (and served) as
   * if it were fetched after.
   */
  readonly joinInFlight: boolean;
  /** Every subgraph's fetcher, by name: their circuits are in `/metrics` and `/readyz`. */
  readonly fetchers = new Map<string, SubgraphFetcher>();
  /** Seconds each fetch took, from the plan asking to its answer (batching, retries and waits included). */
  readonly fetchDuration: Histogram<'subgraph'>;
  /** Errors of fetches by subgraph and code: failed fetches, and the errors subgraphs answered with. */
  readonly errors: Counter<'subgraph' | 'code'>;
  /** A foreign subgraph may answer with codes of its own choosing: at most this many are told apart. */
  readonly #errorCode = boundedLabel(100);

  /** `registry`: the gateway's, where the fetch metrics are registered. */
  constructor(
    readonly resilience: ResilienceConfig,
    registry: Registry,
    { joinInFlight = true }: { joinInFlight?: boolean } = {},
  ) {
    this.joinInFlight = joinInFlight;
    // Connections stay open between requests; each origin gets as many as the load asks for.
    // Each request carries its own deadline (its subgraph's timeout).
    this.agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });
    const registers = [registry];
    this.fetchDuration = new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Seconds a subgraph fetch took, from the query plan asking to its answer (batching, retries and deduplication waits included), by subgraph.',
      labelNames: ['subgraph'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'gateway_subgraph_errors_total',
      help: 'Errors of subgraph fetches, by subgraph and code: fetches that failed (SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE, ...) and each error a subgraph answered with (its extensions.code; (none) without one).',
      labelNames: ['subgraph', 'code'],
      registers,
    });
    this.#registerMirrored(registry);
  }

  /** Counts one error of a fetch to `subgraph`. */
  countError(subgraph: string, code: unknown): void {
    const label = typeof code === 'string' && /^[A-Za-z][\w.-]{0,63}$/.test(code) ? this.#errorCode(code) : '(none)';
    this.errors.inc({ subgraph, code: label });
  }

  close(): Promise<void> {
    for (const fetcher of this.fetchers.values()) fetcher.circuit.close();
    return this.agent.close();
  }

  /** The figures the transport and its fetchers keep, read at each scrape. */
  #registerMirrored(registry: Registry): void {
    mirroredCounter({ registry, name: 'gateway_subgraph_requests_total', help: 'HTTP requests sent to subgraphs (retries and circuit probes included).', read: () => this.sent });
    mirroredCounter({ registry, name: 'gateway_subgraph_fetches_deduplicated_total', help: 'Query fetches that joined an identical one in flight instead of going out.', read: () => this.inFlight.joined });
    mirroredCounter({ registry, name: 'gateway_subgraph_fetches_batched_total', help: "_entities fetches that went out inside another fetch's request.", read: () => this.batched });
    const each = (value: (fetcher: SubgraphFetcher) => number) => () => [...this.fetchers.values()].map((fetcher) => [{ subgraph: fetcher.name }, value(fetcher)] as const);
    mirroredGauge({ registry, name: 'gateway_subgraph_circuit_state', help: 'Circuit of each subgraph: 0 closed, 1 half-open, 2 open.', labelNames: ['subgraph'], read: each((fetcher) => CIRCUIT_GAUGE[fetcher.circuit.state]) });
    mirroredCounter({ registry, name: 'gateway_subgraph_circuit_rejections_total', help: 'Fetches failed at once because the subgraph\'s circuit was not closed.', labelNames: ['subgraph'], read: each((fetcher) => fetcher.circuit.rejected) });
    mirroredCounter({ registry, name: 'gateway_subgraph_retries_total', help: 'Fetch attempts made again after a retryable failure.', labelNames: ['subgraph'], read: each((fetcher) => fetcher.retries) });
    mirroredCounter({
      registry,
      name: 'gateway_subgraph_failures_total',
      help: 'Fetch attempts that failed, by subgraph and code (SUBGRAPH_UNAVAILABLE, SUBGRAPH_TIMEOUT); a retried fetch counts each attempt.',
      labelNames: ['subgraph', 'code'],
      read: () =>
        [...this.fetchers.values()].flatMap((fetcher) =>
          [ErrorCode.SubgraphUnavailable, ErrorCode.SubgraphTimeout].map((code) => [{ subgraph: fetcher.name, code }, fetcher.failures.get(code) ?? 0] as const),
        ),
    });
  }
}

/** A caller's `_entities` fetch waiting in a batch. */
interface EntityFetch {
  representations: unknown[];
  resolve(response: GatewayGraphQLResponse): void;
  reject(error: unknown): void;
}

/** `_entities` fetches of one event-loop turn that go out as one request. */
interface EntityBatch {
  query: string;
  operationName: string | undefined;
  /** The variables other than `representations`, equal for every fetch of the batch. */
  variables: Record<string, unknown>;
  /** The first fetch's headers; the others' differ at most in the tracing headers. */
  headers: Record<string, string>;
  fetches: EntityFetch[];
}

/**
 * The gateway's data source for one subgraph: POSTs the plan's fetches over kept-alive connections,
 * with the headers `subgraphHeaders` decides. Savings Apollo's RemoteGraphQLDataSource lacks:
 * `_entities` fetches issued in the same event-loop turn with the same headers (tracing ids aside;
 * the token is per caller, so only one caller's fetches merge), from any number of operations, go
 * out as one request: fetches with the same document and other variables send each distinct
 * representation once, and fetches with different documents (the side-by-side fetches of a plan)
 * go as one operation with an aliased `_entities` field each (entityMerge.ts); answers and errors
 * split back to each fetch. A query fetch identical to one already in flight (same subgraph,
 * document, variables and headers) waits for that one's answer instead of going out again.
 * Mutations always go out on their own.
 *
 * A subgraph that is down or slow costs only its fields: each fetch has the subgraph's timeout
 * (retries included), goes through the subgraph's circuit breaker, and fails with a
 * SUBGRAPH_UNAVAILABLE or SUBGRAPH_TIMEOUT error naming the subgraph in `serviceName`.
 */
export class SubgraphFetcher implements GraphQLDataSource<GatewayContext> {
  readonly #origin: string;
  readonly #path: string;
  readonly circuit: SubgraphCircuit;
  /** Failed attempts by code, for `/metrics`. */
  readonly failures = new Map<ErrorCode, number>();
  /** Attempts made again after a retryable failure, for `/metrics`. */
  retries = 0;

  /**
   * @param timeoutMs how long one fetch may take, retries included: past it, SUBGRAPH_TIMEOUT.
   * @param probeAuthorization the `authorization` of the circuit's `{ __typename }` probes.
   */
  constructor(
    readonly name: string,
    readonly url: string,
    readonly transport: SubgraphTransport,
    readonly timeoutMs: number,
    probeAuthorization: () => string,
    /** Whether `_entities` fetches with different documents may share one operation (UNMERGED_SUBGRAPHS). */
    readonly mergeFetches = true,
  ) {
    const parsed = new URL(url);
    this.#origin = parsed.origin;
    this.#path = parsed.pathname + parsed.search;
    transport.fetchers.set(name, this);
    const { circuitFailures, circuitOpenMs } = transport.resilience;
    this.circuit = new SubgraphCircuit(name, { failures: circuitFailures, openMs: circuitOpenMs }, async () => {
      const raw = await this.#attempt(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', authorization: probeAuthorization() }, performance.now() + timeoutMs);
      if (raw.status < 200 || raw.status > 299) throw new SubgraphFailure('unavailable', `Subgraph ${name} answered ${raw.status}`, false);
    });
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const done = this.transport.fetchDuration.startTimer({ subgraph: this.name });
    try {
      const response = await this.#process(options);
      for (const error of response.errors ?? []) this.transport.countError(this.name, error.extensions?.code);
      return response;
    } catch (error) {
      const failure = this.#fetchError(error);
      this.transport.countError(this.name, failure.extensions.code);
      throw failure;
    } finally {
      done();
    }
  }

  async #process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    if (!query) throw new Error('Missing query');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [header, value] of options.request.http?.headers ?? []) headers[header] = value;
    // Apollo's own health checks and schema loads run without an operation's context.
    const context = options.context as Partial<GatewayContext>;
    if (context.requestId) Object.assign(headers, subgraphHeaders(context as GatewayContext, this.name));
    // The subgraph continues the trace of the fetch's span (a fetch joining another's request: that one's).
    injectTraceHeaders(headers);
    // A mutation goes out once: a retry could apply it twice.
    if (!isQuery(query)) return parseResponse(this.url, await this.#send(JSON.stringify({ query, variables, operationName }), headers, false));
    const { representations, ...others } = variables ?? {};
    if (Array.isArray(representations)) return this.#fetchEntities(query, operationName, others, representations, headers);
    return parseResponse(this.url, await this.#sendQuery(JSON.stringify({ query, variables, operationName }), headers));
  }

  /**
   * The error one operation gets for a failed fetch, naming this subgraph in `serviceName` (kept
   * when it is masked for clients); a new one per operation, as operations may share a fetch.
   */
  #fetchError(error: unknown): GraphQLError {
    if (error instanceof SubgraphFailure) {
      return new HubError(error.kind === 'timeout' ? ErrorCode.SubgraphTimeout : ErrorCode.SubgraphUnavailable, error.message, { serviceName: this.name });
    }
    const original = error instanceof Error ? error : new Error(String(error));
    const extensions = error instanceof GraphQLError ? error.extensions : {};
    return new GraphQLError(original.message, { originalError: original, extensions: { ...extensions, serviceName: this.name } });
  }

  /** Joins (or opens) this turn's batch of `_entities` fetches that can share a request. */
  #fetchEntities(query: string, operationName: string | undefined, variables: Record<string, unknown>, representations: unknown[], headers: Record<string, string>): Promise<GatewayGraphQLResponse> {
    const identity = requestIdentity(this.url, headers);
    let request = this.transport.entityRequests.get(identity);
    if (!request) {
      const opened = new Map<string, EntityBatch>();
      this.transport.entityRequests.set(identity, (request = opened));
      // setImmediate runs after the turn's I/O callbacks, so the fetches every operation woken in this turn issues are in.
      setImmediate(() => {
        this.transport.entityRequests.delete(identity);
        void this.#sendRequest([...opened.values()]);
      });
    }
    const key = `${operationName ?? ''}\n${canonicalJson(variables)}\n${query}`;
    let batch = request.get(key);
    if (batch) this.transport.batched += 1;
    else request.set(key, (batch = { query, operationName, variables, headers, fetches: [] }));
    return new Promise((resolve, reject) => batch.fetches.push({ representations, resolve, reject }));
  }

  /** This turn's batches for one request: one operation when they can merge, else one request each. */
  async #sendRequest(batches: EntityBatch[]): Promise<void> {
    const merged = this.mergeFetches && batches.length > 1 ? mergeEntityQueries(batches.map((batch) => batch.query)) : null;
    if (!merged) {
      for (const batch of batches) void this.#sendBatch(batch);
      return;
    }
    const parts = batches.map(distinctRepresentations);
    const variables = mergedVariables(merged, batches.map((batch, index) => ({ ...batch.variables, representations: parts[index]!.distinct })));
    const body = JSON.stringify({ query: merged.query, variables, operationName: merged.operationName });
    let raw: RawResponse;
    let answers: GatewayGraphQLResponse[] | undefined;
    try {
      raw = await this.#sendQuery(body, batches[0]!.headers);
      answers = splitMergedAnswer(parseResponse(this.url, raw), batches.length);
    } catch (error) {
      for (const batch of batches) for (const fetch of batch.fetches) fetch.reject(error);
      return;
    }
    // Refused as a whole (one fetch's document invalid, or its error nulled the whole answer): each
    // goes out alone, so one fetch's failure costs no other fetch its answer.
    if (!answers) {
      for (const batch of batches) void this.#sendBatch(batch);
      return;
    }
    this.transport.batched += batches.length - 1;
    batches.forEach((batch, index) => settle(batch, parts[index]!.indexes, answers[index]!));
  }

  async #sendBatch(batch: EntityBatch): Promise<void> {
    const { distinct, indexes } = distinctRepresentations(batch);
    const body = JSON.stringify({ query: batch.query, variables: { ...batch.variables, representations: distinct }, operationName: batch.operationName });
    try {
      settle(batch, indexes, parseResponse(this.url, await this.#sendQuery(body, batch.headers)));
    } catch (error) {
      for (const fetch of batch.fetches) fetch.reject(error);
    }
  }

  #sendQuery(body: string, headers: Record<string, string>): Promise<RawResponse> {
    if (!this.transport.joinInFlight) return this.#send(body, headers, true);
    return this.transport.inFlight.run(`${requestIdentity(this.url, headers)}\n${body}`, () => this.#send(body, headers, true));
  }

  /**
   * Sends one fetch through the circuit within `timeoutMs`; with `retry` (queries), a connection
   * failure or a 502/503/504 is tried again after an exponential delay with jitter (or the
   * subgraph's `Retry-After`), as long as the attempt still fits in the fetch's time.
   */
  async #send(body: string, headers: Record<string, string>, retry: boolean): Promise<RawResponse> {
    const deadline = performance.now() + this.timeoutMs;
    let backoff: IBackoff<unknown> | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        // A query gives up when the circuit opens; a mutation in flight is left to answer, as only the subgraph knows whether it applied.
        return await this.circuit.run((opening) => this.#attempt(body, headers, deadline, opening), retry);
      } catch (error) {
        if (!(error instanceof SubgraphFailure)) throw error;
        const code = error.kind === 'timeout' ? ErrorCode.SubgraphTimeout : ErrorCode.SubgraphUnavailable;
        this.failures.set(code, (this.failures.get(code) ?? 0) + 1);
        // A mutation the subgraph took too long to answer may have committed: the client needs to know how to find out.
        if (!retry && error.kind === 'timeout') throw new SubgraphFailure('timeout', `${error.message}; the mutation may have been applied: send it again with the same idempotencyKey to get its result`, false);
        if (!retry || !error.retryable || attempt >= this.transport.resilience.retries) throw error;
        backoff = (backoff ?? new ExponentialBackoff({ initialDelay: this.transport.resilience.retryBaseMs, maxDelay: this.timeoutMs })).next(undefined);
        const delay = error.retryAfterMs ?? backoff.duration;
        if (performance.now() + delay >= deadline) throw error;
        this.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** One request to the subgraph, answered before `deadline` (a `performance.now()` time) or failed; abandoned when `opening` aborts. */
  async #attempt(body: string, headers: Record<string, string>, deadline: number, opening?: AbortSignal): Promise<RawResponse> {
    this.transport.sent += 1;
    try {
      const timeout = AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now())));
      const signal = opening ? AbortSignal.any([timeout, opening]) : timeout;
      const response = await this.transport.agent.request({ origin: this.#origin, path: this.#path, method: 'POST', headers, body, signal });
      const text = await response.body.text();
      if (UNAVAILABLE_STATUSES.has(response.statusCode)) {
        throw new SubgraphFailure('unavailable', `Subgraph ${this.name} is unavailable (HTTP ${response.statusCode})`, true, retryAfterMs(response.headers['retry-after']));
      }
      return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: text };
    } catch (error) {
      if (error instanceof SubgraphFailure) throw error;
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new SubgraphFailure('timeout', `Subgraph ${this.name} did not answer within ${this.timeoutMs} ms`, false);
      }
      // Refused, reset or closed: the subgraph is not there. The code, not the message, which names the host.
      const code = (error as { code?: unknown }).code;
      throw new SubgraphFailure('unavailable', `Subgraph ${this.name} is unavailable${typeof code === 'string' ? ` (${code})` : ''}`, true);
    }
  }
}

/** `Retry-After` in milliseconds: seconds, or an HTTP date. */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

function isQuery(document: string): boolean {
  const start = document.trimStart();
  return start.startsWith('{') || start.startsWith('query');
}

/** The subgraph and the headers its answer may depend on: two requests equal in these and the body get the same answer. */
function requestIdentity(url: string, headers: Record<string, string>): string {
  const identity = Object.keys(headers)
    .filter((header) => !TRACING_HEADERS.has(header.toLowerCase()))
    .sort()
    .map((header) => `${header.toLowerCase()}:${headers[header]}`)
    .join('\n');
  return `${url}\n${identity}`;
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

/** How many of a batch's first distinct representations each representation is compared with before it is serialised. */
const COMPARED_REPRESENTATIONS = 4;

/**
 * A batch's representations, each distinct one once, and where each fetch's are among them. The
 * gateway builds every representation of one document from the same selection, so equal entities
 * serialise with their keys in the same order. A batch's representations mostly repeat a few
 * entities (the operations of one turn ask for the same ones): each is compared field by field
 * with the first distinct ones, and serialised only when it is none of them.
 */
function distinctRepresentations(batch: EntityBatch): { distinct: unknown[]; indexes: number[][] } {
  const seen = new Map<string, number>();
  const distinct: unknown[] = [];
  const indexes = batch.fetches.map((fetch) =>
    fetch.representations.map((representation) => {
      for (let index = 0; index < distinct.length && index < COMPARED_REPRESENTATIONS; index++) if (sameJson(representation, distinct[index])) return index;
      const json = JSON.stringify(representation);
      let index = seen.get(json);
      if (index === undefined) {
        index = distinct.push(representation) - 1;
        seen.set(json, index);
      }
      return index;
    }),
  );
  return { distinct, indexes };
}

/**
 * Answers each fetch of a batch from the batch's answer: the first gets `answer`, every other a
 * copy of its own, as the gateway writes into the answers it gets. Copied, not parsed again: every
 * operation of the turn may be in the batch, and each would parse the whole body.
 */
function settle(batch: EntityBatch, indexes: number[][], answer: GatewayGraphQLResponse): void {
  batch.fetches.forEach((fetch, index) => {
    try {
      fetch.resolve(splitEntities(index === 0 ? answer : ownCopy(answer, indexes[index]!), indexes[index]!));
    } catch (error) {
      fetch.reject(error);
    }
  });
}

/**
 * What a parse of its own would give one fetch of a batch: `response` copied, of its `_entities`
 * only the answers at `indexes` (each once, so a representation sent twice shares its answer, as
 * in a parse), the others left as they are since `splitEntities` does not pick them.
 */
function ownCopy(response: GatewayGraphQLResponse, indexes: readonly number[]): GatewayGraphQLResponse {
  const { data, ...rest } = response;
  const copy = jsonCopy(rest) as GatewayGraphQLResponse;
  const answered = data?._entities;
  if (!data || !Array.isArray(answered)) return data === undefined ? copy : { ...copy, data: jsonCopy(data) as typeof data };
  const entities = answered.slice();
  for (const index of new Set(indexes)) entities[index] = jsonCopy(answered[index]);
  const ownData = jsonCopy({ ...data, _entities: undefined }) as Record<string, unknown>;
  ownData._entities = entities;
  return { ...copy, data: ownData };
}

/**
 * One fetch's part of a batch's answer: for each representation it sent, the answer at its index
 * among the batch's distinct representations, and the errors of those entities with their paths
 * renumbered; errors not about one entity (the whole request failed) go to every fetch.
 */
function splitEntities(response: GatewayGraphQLResponse, indexes: number[]): GatewayGraphQLResponse {
  const answered = response.data?._entities;
  const split: GatewayGraphQLResponse = Array.isArray(answered) ? { ...response, data: { ...response.data, _entities: indexes.map((index) => answered[index]) } } : { ...response };
  if (!response.errors) return split;
  const errors = response.errors.flatMap((error): GraphQLFormattedError[] => {
    const [field, index, ...rest] = error.path ?? [];
    if (field !== '_entities' || typeof index !== 'number') return [error];
    return indexes.flatMap((distinct, original) => (distinct === index ? [{ ...error, path: ['_entities', original, ...rest] }] : []));
  });
  if (errors.length > 0) split.errors = errors;
  else delete split.errors;
  return split;
}
