import { GraphQLError } from 'graphql';

/** Every `extensions.code` the hub answers with. Clients may switch on these; they never change. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Overpayment = 'OVERPAYMENT',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** A subgraph's live event stream fell too far behind its reader; resume with `after`. */
  SubscriptionOverflow = 'SUBSCRIPTION_OVERFLOW',
  /** A subscriber read too slowly; it resumes by subscribing again with `after`. */
  SubscriptionBufferOverflow = 'SUBSCRIPTION_BUFFER_OVERFLOW',
  /** One connection asked for more subscriptions than SUBSCRIPTIONS_PER_CONNECTION. */
  TooManySubscriptions = 'TOO_MANY_SUBSCRIPTIONS',
  /** No valid token: the caller's (at the gateway) or the gateway's (at a subgraph). */
  Unauthenticated = 'UNAUTHENTICATED',
  /** The caller's scopes do not cover the field or mutation; `requiredScopes` says what would. */
  Forbidden = 'FORBIDDEN',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

/** The one error class resolvers throw: a GraphQL error with a stable code and optional details. */
export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'HubError';
  }
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

/**
 * What a client may see of an error: codes the hub raised on purpose pass as they are (GraphQL
 * validation errors too); anything unexpected becomes a bare INTERNAL_SERVER_ERROR, because its
 * message may carry SQL or host names. The caller logs the original in full.
 */
export function maskError(formatted: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[]; locations?: readonly unknown[] }): {
  masked: boolean;
  error: typeof formatted;
} {
  const code = formatted.extensions?.code;
  const known =
    typeof code === 'string' &&
    (CLIENT_CODES.has(code) || ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE'].includes(code)) &&
    code !== ErrorCode.InternalServerError;
  if (known) return { masked: false, error: formatted };
  return {
    masked: true,
    error: {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.InternalServerError },
    },
  };
}
