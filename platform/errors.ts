import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.ts';

/** Every `extensions.code` the hub answers with. Clients may switch on these; they never change. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** A subgraph's live event stream fell too far behind its reader; resume with `after`. */
  SubscriptionOverflow = 'SUBSCRIPTION_OVERFLOW',
  /** A subscriber read too slowly; it resumes by subscribing again with `after`. */
  SubscriptionBufferOverflow = 'SUBSCRIPTION_BUFFER_OVERFLOW',
  /** One connection asked for more subscriptions than SUBSCRIPTIONS_PER_CONNECTION. */
  TooManySubscriptions = 'TOO_MANY_SUBSCRIPTIONS',
  /** The operation nests fields deeper than MAX_QUERY_DEPTH. */
  QueryTooDeep = 'QUERY_TOO_DEEP',
  /** The operation's estimated cost (fields times list sizes) is above MAX_QUERY_COST. */
  QueryTooCostly = 'QUERY_TOO_COSTLY',
  /** The operation has more aliases than MAX_ALIASES. */
  TooManyAliases = 'TOO_MANY_ALIASES',
  /** The operation selects more fields than MAX_QUERY_FIELDS. */
  TooManyFields = 'TOO_MANY_FIELDS',
  /** The client sent more requests than RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
  RateLimited = 'RATE_LIMITED',
  /** The operation ran longer than REQUEST_TIMEOUT_MS. */
  RequestTimeout = 'REQUEST_TIMEOUT',
  /** The client may only send registered (persisted) operations, and this one is not. */
  PersistedQueryNotAllowed = 'PERSISTED_QUERY_NOT_ALLOWED',
  /** The request is not a well-formed GraphQL-over-HTTP request (body, content type, method). */
  BadRequest = 'BAD_REQUEST',
  /** The request's `operationName` names none of its document's operations. */
  OperationNotFound = 'OPERATION_NOT_FOUND',
  /** The document holds several operations and the request names none of them (`operationName`). */
  OperationNameRequired = 'OPERATION_NAME_REQUIRED',
  /** The request's variables or extensions nest lists and objects deeper than the hub reads. */
  InputTooDeep = 'INPUT_TOO_DEEP',
  /** The request body is larger than MAX_BODY_BYTES. */
  RequestTooLarge = 'REQUEST_TOO_LARGE',
  /** No valid token: the caller's (at the gateway) or the gateway's (at a subgraph). */
  Unauthenticated = 'UNAUTHENTICATED',
  /** The caller's scopes do not cover the field or mutation; `requiredScopes` says what would. */
  Forbidden = 'FORBIDDEN',
  /** A subgraph could not be reached, answered 502/503/504, or its circuit is open; `serviceName` names it. */
  SubgraphUnavailable = 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer within its timeout; `serviceName` names it. */
  SubgraphTimeout = 'SUBGRAPH_TIMEOUT',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

/**
 * A code a system of record defines for one of its own rules (billing's OVERPAYMENT), declared in
 * its definition's `errorCodes` so that every server of the hub lets it through to clients.
 */
export type DomainErrorCode = string & { readonly domain: true };

/** Names a domain code; the system that owns the rule declares it (see DomainErrorCode). */
export function domainErrorCode(code: string): DomainErrorCode {
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`An error code is SCREAMING_SNAKE_CASE: ${code}`);
  if (CLIENT_CODES.has(code)) throw new Error(`${code} is the kernel's code`);
  return code as DomainErrorCode;
}

/** The one error class resolvers throw: a GraphQL error with a stable code and optional details. */
export class HubError extends GraphQLError {
  constructor(code: ErrorCode | DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'HubError';
  }
}

/** A refused request: a GraphQL error that Apollo answers with `status` (and GraphQL-over-HTTP media types keep). */
export function requestError(code: ErrorCode, message: string, details: Record<string, unknown> = {}, status = 400): HubError {
  return new HubError(code, message, { ...details, http: { status } });
}

/** A bad argument: names the offending field (`input.amount`) so the client can point at it. */
export function badInput(field: string, message: string): HubError {
  return new HubError(ErrorCode.BadUserInput, `${field}: ${message}`, { field });
}

export function notFound(type: string, id: string): HubError {
  return new HubError(ErrorCode.NotFound, `${type} ${id} does not exist`, { type, id });
}

export function conflict(message: string, details: Record<string, unknown> = {}): HubError {
  return new HubError(ErrorCode.Conflict, message, details);
}

/** For exhaustive switches: the compiler proves this is never reached. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${String(value)}`);
  }
}

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/** No domain codes: a server that serves no system of record's rules. */
const NO_DOMAIN_CODES: ReadonlySet<string> = new Set();

/**
 * What a client may see of an error: codes the hub raised on purpose pass as they are (the
 * kernel's, the domain codes `domainCodes` holds, GraphQL's request errors); anything unexpected
 * becomes a bare INTERNAL_SERVER_ERROR, because its message may carry SQL or host names. The
 * caller logs the original in full.
 */
export function maskError(
  formatted: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[]; locations?: readonly unknown[] },
  domainCodes: ReadonlySet<string> = NO_DOMAIN_CODES,
): {
  masked: boolean;
  error: typeof formatted;
} {
  const code = formatted.extensions?.code;
  const known =
    typeof code === 'string' &&
    (CLIENT_CODES.has(code) ||
      domainCodes.has(code) ||
      ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE'].includes(code)) &&
    code !== ErrorCode.InternalServerError;
  if (known) return { masked: false, error: formatted };
  // The gateway names the subgraph an error came from; that stays, so a client knows which system failed.
  const serviceName = formatted.extensions?.serviceName;
  return {
    masked: true,
    error: {
      message: 'Internal server error',
      ...(formatted.path && { path: formatted.path }),
      ...(formatted.locations && { locations: formatted.locations }),
      extensions: { code: ErrorCode.InternalServerError, ...(typeof serviceName === 'string' && { serviceName }) },
    },
  };
}

/**
 * The code of an error as raised: its own, or BAD_REQUEST for one that Apollo Server raised about
 * the request with a 4xx status and no code (a persisted query whose hash does not match its
 * document), which Apollo would otherwise report as INTERNAL_SERVER_ERROR.
 */
export function raisedCode(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const { code, http } = error.extensions as { code?: unknown; http?: { status?: number } };
  if (typeof code === 'string') return code;
  const status = http?.status;
  return status !== undefined && status >= 400 && status < 500 ? ErrorCode.BadRequest : undefined;
}

/** How a server formats its errors for clients. */
export interface ClientErrorOptions {
  /** Where a masked error is logged whole; unlogged without. */
  log?: Pick<Logger, 'error'>;
  /** The request's id, on the log line when the logger lacks it. */
  requestId?: string;
  /** The code when the server classified a request error itself and it was raised without one. */
  code?: string;
  /** The domain codes this server lets through: its own system's, or every system's at the gateway. */
  domainCodes?: ReadonlySet<string>;
}

/** An error as another server already formatted it (a subgraph's answer, as the gateway receives it). */
function isFormatted(error: unknown): error is GraphQLFormattedError {
  return typeof error === 'object' && error !== null && !(error instanceof Error) && typeof (error as { message?: unknown }).message === 'string';
}

/**
 * The one way an error reaches a client, from every server of the hub. `error` is what was raised
 * (a GraphQLError, any other thrown value) or what a subgraph answered (a formatted error). Its
 * code is kept (the one it was raised or answered with; else `options.code`, when the server
 * classified a request error itself; else BAD_REQUEST for a 4xx without one) when it is one the
 * hub raises on purpose; anything else is masked as INTERNAL_SERVER_ERROR and, with `options.log`,
 * logged whole with the request id. `extensions.http` is the server's business (the response
 * status), never the client's.
 */
export function clientError(error: unknown, options: ClientErrorOptions = {}): GraphQLFormattedError {
  const raised = isFormatted(error)
    ? error
    : error instanceof GraphQLError
      ? error
      : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : undefined });
  const formatted = raised instanceof GraphQLError ? raised.toJSON() : raised;
  const { http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const own = raised instanceof GraphQLError ? raisedCode(raised) : typeof extensions.code === 'string' ? extensions.code : undefined;
  const given = own ?? options.code;
  const { masked, error: shown } = maskError({ ...formatted, extensions: given === undefined ? extensions : { ...extensions, code: given } }, options.domainCodes);
  if (masked && options.log) options.log.error({ err: raised instanceof GraphQLError ? (raised.originalError ?? raised) : raised, requestId: options.requestId }, 'request failed');
  // maskError keeps the locations and path it was given, so its result is still a formatted error.
  return shown as GraphQLFormattedError;
}

/**
 * Apollo Server's `formatError` (every Apollo subgraph): `clientError`, unlogged; Apollo hands
 * errors to plugins, not to this, with their request, so `maskingPlugin` logs them.
 */
export function apolloErrorFormatter(domainCodes: ReadonlySet<string>): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (_formatted, error) => clientError(error, { domainCodes });
}
