/**
 * The gateway's one request pipeline, for every transport (HTTP, graphql-ws, SSE, HTTP
 * multipart): request guards → persisted document by id / APQ → parse (cached) → validate
 * (cached) → operation → trusted documents → coerce variables → limits → authorization →
 * execute (execution/operation.ts, the executor seam) or open the subscription → format errors,
 * one log line, deprecated-field usage. A transport turns the Answer into its wire format.
 */
import type { RecordRefusal } from '../security/auditTrail.ts';
import { forbidden } from '../../platform/auth/policy.ts';
import { createHash } from 'node:crypto';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type OperationTypeNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { ErrorCode, HubError, requestError } from '../../platform/errors.ts';
import { resolveOperation } from '../../platform/input.ts';
import { boundedLabel, Counter, Histogram, LATENCY_BUCKETS, type Registry } from '../../platform/metrics.ts';
import type { GatewayContext } from '../context.ts';
import type { DeprecatedUsage } from '../deprecatedUsage.ts';
import type { ExecuteOperation, IncrementalDeferResult, SubsequentIncrementalResult } from '../execution/operation.ts';
import type { GatewayLimits } from '../limits/gatewayLimits.ts';
import type { OperationAuthorizer } from '../security/authorize.ts';
import type { GatewaySubscription } from '../subscriptions/gatewaySubscription.ts';
import type { LiveSubscriptions } from '../subscriptions/liveSubscriptions.ts';
import { logOperation } from '../operationLog.ts';
import { HubAttributes, inSpan, inSpanSync, traceOperation, tracingOn } from '../../platform/tracing.ts';
import { formatErrors, type ErrorLog, type FormattedErrors } from './errors.ts';

/** Tokens graphql-js reads before it gives up on a document: enough for any operation within the other limits. */
const MAX_TOKENS = 50_000;
/** Parsed and validated documents kept; the least recently used go first. */
const DOCUMENT_CACHE_ENTRIES = 1000;
/**
 * Operation names told apart in the request histogram: clients name their operations, so past
 * this many distinct names the rest count as `(other)` (refused requests are `(refused)`,
 * operations without a name `(anonymous)`).
 */
const OPERATION_NAMES = 200;

/** A GraphQL request's parameters, as a transport read them (shapes checked, values not). */
export interface GraphQLParams {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

export interface PipelineRequest {
  params: GraphQLParams;
  /** GET may not change anything: a mutation over it is refused (405). */
  method: 'GET' | 'POST';
  /** Whether the transport can deliver a subscription's stream. */
  streams: boolean;
  /** The client's name (`apollographql-client-name`), for trusted documents and deprecated usage. */
  client: string | undefined;
  context: GatewayContext;
  /** For a subscription: whether the client's connection still holds unsent bytes. */
  backlogged(): boolean;
}

export type FormattedIncremental = Omit<SubsequentIncrementalResult, 'incremental'> & {
  incremental?: readonly (Omit<IncrementalDeferResult, 'errors'> & { errors?: readonly GraphQLFormattedError[] })[];
};

/** What the pipeline answered; `refused` when nothing ran. */
export type Answer = {
  operationType: OperationTypeNode | undefined;
  /** The operation's own name, when it was resolved (for the log line). */
  operationName: string | undefined;
  /** The document came by id (persisted or APQ) rather than as text. */
  byId: boolean;
} & (
  | { kind: 'result'; refused: boolean; result: FormattedExecutionResult; status?: number; headers: Record<string, string> }
  | { kind: 'incremental'; initial: FormattedExecutionResult & { hasNext: boolean }; subsequent: AsyncIterable<FormattedIncremental> }
  | { kind: 'stream'; events: ResultStream }
);

/** A subscription's formatted events; its end, if it failed, is the error `next` throws. */
export interface ResultStream extends AsyncIterableIterator<FormattedExecutionResult> {
  return(): Promise<IteratorResult<FormattedExecutionResult>>;
}

export interface PipelineOptions {
  schema(): GraphQLSchema;
  limits: GatewayLimits;
  authorizer: OperationAuthorizer;
  execute: ExecuteOperation;
  subscriptions: LiveSubscriptions;
  deprecatedUsage: DeprecatedUsage;
  /** Told of every operation refused for who is asking (trusted documents, limits, authorization): the gateway's audit trail. */
  recordRefusal: RecordRefusal;
  /** Every system's own error codes, which pass to clients as the subgraphs answered them. */
  domainCodes: ReadonlySet<string>;
  /** The gateway's metrics registry: the request histogram and the document cache's counters. */
  registry: Registry;
}

interface Resolved {
  source: string;
  queryHash: string;
  byId: boolean;
  /** A document sent with its hash (APQ): registered once the operation is accepted. */
  register: boolean;
}

interface Prepared extends Resolved {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** A refusal with the operation type, when it was known by then. */
class Refusal {
  constructor(
    readonly errors: readonly GraphQLError[],
    readonly operation?: OperationDefinitionNode,
  ) {}
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class GatewayPipeline {
  readonly #documents = new LRUCache<string, { document: DocumentNode; schema?: GraphQLSchema; errors?: readonly GraphQLError[] }>({ max: DOCUMENT_CACHE_ENTRIES });
  readonly #requestDuration: Histogram<'operation' | 'type'>;
  readonly #operationName = boundedLabel(OPERATION_NAMES);
  readonly #documentCache: Counter<'result'>;
  readonly #persistedLookups: Counter<'result'>;

  constructor(private readonly options: PipelineOptions) {
    const registers = [options.registry];
    this.#requestDuration = new Histogram({
      name: 'gateway_request_duration_seconds',
      help: 'Seconds the gateway took to answer a GraphQL request (to its first response for incremental delivery, to the start of its stream for a subscription), by operation name and type.',
      labelNames: ['operation', 'type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#documentCache = new Counter({ name: 'gateway_document_cache_total', help: 'Lookups of parsed documents in the gateway\'s document cache, by result (hit, miss).', labelNames: ['result'], registers });
    this.#persistedLookups = new Counter({
      name: 'gateway_persisted_document_lookups_total',
      help: 'Documents asked for by hash (automatic persisted queries), by result (hit, miss).',
      labelNames: ['result'],
      registers,
    });
  }

  #formatErrors(errors: Parameters<typeof formatErrors>[0], context: Omit<ErrorLog, 'domainCodes'>): FormattedErrors {
    return formatErrors(errors, { log: context.log, requestId: context.requestId, domainCodes: this.options.domainCodes });
  }

  /**
   * Runs one request through every stage; never throws for the client's input. Traced as one
   * span (named after the operation once it is known), under the HTTP request's when there is one.
   */
  answer(request: PipelineRequest): Promise<Answer> {
    if (!tracingOn()) return this.#answer(request);
    return inSpan('graphql', { service: 'gateway', attributes: { [HubAttributes.correlationId]: request.context.correlationId } }, () => this.#answer(request));
  }

  async #answer(request: PipelineRequest): Promise<Answer> {
    const started = performance.now();
    const { context } = request;
    let answer: Answer;
    try {
      answer = await this.#run(request);
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal([error instanceof GraphQLError ? error : new GraphQLError('Unexpected error', { originalError: error as Error })]);
      const { errors, status, headers } = this.#formatErrors(refusal.errors, context);
      answer = { kind: 'result', refused: true, result: { errors }, status: status ?? 400, headers, operationType: refusal.operation?.operation, operationName: refusal.operation?.name?.value, byId: false };
    }
    const errors = answer.kind === 'result' ? answer.result.errors : answer.kind === 'incremental' ? answer.initial.errors : undefined;
    logOperation(context, { operationName: answer.operationName ?? request.params.operationName, operationType: answer.operationType, errors, started });
    const operation = answer.kind === 'result' && answer.refused ? '(refused)' : this.#operationName(answer.operationName ?? '(anonymous)');
    this.#requestDuration.observe({ operation, type: answer.operationType ?? 'unknown' }, (performance.now() - started) / 1000);
    return answer;
  }

  async #run(request: PipelineRequest): Promise<Answer> {
    const { params, context } = request;
    this.options.limits.checkRequest(params);
    const resolved = await this.#resolveDocument(params);
    const prepared = this.#prepare(resolved, params.operationName);
    const { operation, document, schema } = prepared;
    const type = operation.operation;
    traceOperation(operation);
    const refuse = (errors: readonly GraphQLError[]) => new Refusal(errors, operation);
    if (request.method === 'GET' && type === 'mutation') {
      throw refuse([new HubError(ErrorCode.BadRequest, 'GET requests only support query operations, not mutation operations.', { http: { status: 405, headers: { allow: 'POST' } } })]);
    }
    if (type === 'subscription' && !request.streams) {
      throw refuse([
        requestError(
          ErrorCode.BadRequest,
          'Subscriptions are served over graphql-ws (subprotocol graphql-transport-ws) at this same path, over Server-Sent Events (`Accept: text/event-stream`) and over HTTP multipart (`Accept: multipart/mixed;subscriptionSpec=1.0`).',
        ),
      ]);
    }
    const refusedFor = (errors: readonly GraphQLError[]) => {
      this.options.recordRefusal(context, operation.name?.value, errors);
      return refuse(errors);
    };
    try {
      this.options.limits.trusted.check(request.client, prepared.queryHash);
    } catch (error) {
      throw refusedFor([error as GraphQLError]);
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], params.variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) throw refuse(coerced.errors.map((error) => withCode(error, ErrorCode.BadUserInput, 400)));
    const variables = coerced.coerced;
    try {
      this.options.limits.operations.check(schema, document, operation, variables);
    } catch (error) {
      throw refusedFor([error as GraphQLError]);
    }
    if (prepared.register) void this.options.limits.trusted.cache.set(`apq:${prepared.queryHash}`, prepared.source).catch((error: unknown) => context.log.warn({ err: error }, 'APQ document not registered'));
    const authorization = this.options.authorizer.authorize(schema, document, prepared.queryHash, params.operationName, context.caller);
    if (authorization.kind === 'refused') {
      context.log.warn({ actor: context.caller.sub, role: context.caller.role, operationName: params.operationName, refused: authorization.errors.map((error) => error.path) }, 'operation refused');
      throw refusedFor(authorization.errors);
    }
    // Fields taken out are refusals too, though the rest of the operation runs.
    if (authorization.denials.length > 0) this.options.recordRefusal(context, operation.name?.value, authorization.denials.map((denial) => forbidden(denial.requirement, denial.path)));
    this.options.deprecatedUsage.record(schema, document, operation.name?.value ?? null, request.client);
    const base = { operationType: type, operationName: operation.name?.value, byId: prepared.byId };
    if (type === 'subscription') {
      let subscription: GatewaySubscription;
      try {
        subscription = this.options.subscriptions.open({ schema, document, operation, source: prepared.source, operationName: params.operationName, variables, context, backlogged: request.backlogged });
      } catch (error) {
        throw refuse([error as GraphQLError]);
      }
      return { ...base, kind: 'stream', events: this.#stream(subscription, context) };
    }
    const outcome = await this.options.execute({ document, operationName: params.operationName, queryHash: prepared.queryHash, variables, authorization, context });
    if (outcome.kind === 'single') {
      const { errors: raised, ...rest } = outcome.result;
      if (!raised?.length) return { ...base, kind: 'result', refused: false, result: rest as FormattedExecutionResult, headers: {} };
      const { errors, status, headers } = this.#formatErrors(raised, context);
      // An operation that produced no data at all is a failed request (GraphQL over HTTP).
      return { ...base, kind: 'result', refused: false, result: { ...(rest as FormattedExecutionResult), errors }, status: status ?? (rest.data === undefined ? 400 : undefined), headers };
    }
    const { errors: initialErrors, ...initial } = outcome.initial;
    return {
      ...base,
      kind: 'incremental',
      initial: { ...(initial as FormattedExecutionResult & { hasNext: boolean }), ...(initialErrors?.length ? { errors: this.#formatErrors(initialErrors, context).errors } : {}) },
      subsequent: mapIterable(outcome.subsequent, (payload): FormattedIncremental => ({
        ...payload,
        ...(payload.incremental && {
          incremental: payload.incremental.map(({ errors, ...rest }) => ({ ...rest, ...(errors?.length ? { errors: this.#formatErrors(errors, context).errors } : {}) })),
        }),
      })),
    };
  }

  /** The document's text: as sent, or by its sha256 (a persisted document or a registered APQ one). */
  async #resolveDocument(params: GraphQLParams): Promise<Resolved> {
    const persisted = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
    if (persisted && typeof persisted === 'object') {
      if (persisted.version !== 1) throw new Refusal([requestError(ErrorCode.BadRequest, 'Unsupported persisted query version')]);
      if (typeof persisted.sha256Hash !== 'string') throw new Refusal([requestError(ErrorCode.BadRequest, 'The persistedQuery extension needs a sha256Hash string.')]);
      const hash = persisted.sha256Hash;
      // graphql-ws and graphql-sse require a query string: an empty one asks by id too.
      if (params.query === undefined || params.query === '') {
        const source = await this.options.limits.trusted.cache.get(`apq:${hash}`);
        this.#persistedLookups.inc({ result: source === undefined ? 'miss' : 'hit' });
        if (source === undefined) {
          throw new Refusal([new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 200, headers: { 'cache-control': 'private, no-cache, must-revalidate' } } } })]);
        }
        return { source, queryHash: hash, byId: true, register: false };
      }
      if (sha256(params.query) !== hash) throw new Refusal([requestError(ErrorCode.BadRequest, 'provided sha does not match query')]);
      return { source: params.query, queryHash: hash, byId: false, register: true };
    }
    if (!params.query) throw new Refusal([requestError(ErrorCode.BadRequest, 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.')]);
    return { source: params.query, queryHash: sha256(params.query), byId: false, register: false };
  }

  /** Parses (cached by hash) and validates (cached per document and schema), then picks the operation. */
  #prepare(resolved: Resolved, operationName: string | undefined): Prepared {
    const schema = this.options.schema();
    let entry = this.#documents.get(resolved.queryHash);
    this.#documentCache.inc({ result: entry ? 'hit' : 'miss' });
    if (!entry) {
      this.options.limits.guardSource(resolved.source);
      try {
        entry = { document: inSpanSync('graphql.parse', {}, () => parse(resolved.source, { maxTokens: MAX_TOKENS })) };
      } catch (error) {
        throw new Refusal([withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED', 400)]);
      }
      this.#documents.set(resolved.queryHash, entry);
    }
    if (entry.schema !== schema) {
      const document = entry.document;
      entry.errors = inSpanSync('graphql.validate', {}, () => validate(schema, document)).map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED', 400));
      entry.schema = schema;
    }
    // An operation that failed validation is still named in the log line.
    if (entry.errors!.length > 0) throw new Refusal(entry.errors!, getOperationAST(entry.document, operationName) ?? undefined);
    let operation: OperationDefinitionNode;
    try {
      operation = resolveOperation(entry.document, operationName);
    } catch (error) {
      throw new Refusal([error as GraphQLError]);
    }
    return { ...resolved, schema, document: entry.document, operation };
  }

  /** A subscription's events, formatted as every result is; its return ends the subscription at once. */
  #stream(subscription: GatewaySubscription, context: GatewayContext): ResultStream {
    const live = this.options.subscriptions;
    return mapIterable(subscription, (result) => {
      live.sent();
      return { ...(result as FormattedExecutionResult), ...(result.errors?.length ? { errors: this.#formatErrors(result.errors, context).errors } : {}) };
    });
  }

  /** Formats a stream's failure (the error its `next` threw) as its transport's last message. */
  formatFailure(error: unknown, context: Omit<ErrorLog, 'domainCodes'>): GraphQLFormattedError[] {
    return this.#formatErrors([error instanceof GraphQLError ? error : new GraphQLError('Unexpected error', { originalError: error as Error })], context).errors;
  }
}

/** The error with a code when it has none, and the status a refusal answers with over HTTP. */
function withCode(error: GraphQLError, code: string, status: number): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: error.extensions.code ?? code, http: { status } },
  });
}

/**
 * Maps an async iterable one value at a time. Not an async generator: `return()` must reach the
 * source at once, even while a `next()` waits for it (a generator queues it behind that `next`).
 */
export function mapIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => U): AsyncIterableIterator<U> & { return(): Promise<IteratorResult<U>> } {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: map(step.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
