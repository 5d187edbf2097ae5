import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { maskError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';

/** The `extensions.code`s only live subscriptions answer with. Clients may switch on these. */
export enum SubscriptionErrorCode {
  /** The client read too slowly; it resumes by subscribing again with `after`. */
  BufferOverflow = 'SUBSCRIPTION_BUFFER_OVERFLOW',
  /** One connection asked for more subscriptions than SUBSCRIPTIONS_PER_CONNECTION. */
  TooManySubscriptions = 'TOO_MANY_SUBSCRIPTIONS',
}

const OWN_CODES = new Set<string>(Object.values(SubscriptionErrorCode));

export function subscriptionError(code: SubscriptionErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Gives a parse, validation or variable error the code the HTTP endpoint would answer with. */
export function withCode(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map(
    (error) =>
      new GraphQLError(error.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        originalError: error.originalError,
        extensions: { ...error.extensions, code: error.extensions.code ?? code },
      }),
  );
}

/**
 * What a subscriber may see of an error, by the same rule as HTTP (platform/errors.ts maskError),
 * plus the subscription codes; masked errors are logged whole.
 */
export function formatError(error: GraphQLError | GraphQLFormattedError, log: Logger, context: Record<string, unknown>): GraphQLFormattedError {
  const formatted = error instanceof GraphQLError ? error.toJSON() : error;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && OWN_CODES.has(code)) return formatted;
  const { masked, error: shown } = maskError(formatted as Parameters<typeof maskError>[0]);
  if (masked) log.error({ ...context, err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'subscription failed');
  return shown as GraphQLFormattedError;
}
