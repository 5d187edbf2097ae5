import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { maskError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';

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

/** What a subscriber may see of an error, by the same rule as HTTP; masked errors are logged whole. */
export function formatError(error: GraphQLError | GraphQLFormattedError, log: Logger, context: Record<string, unknown>): GraphQLFormattedError {
  const json = error instanceof GraphQLError ? error.toJSON() : error;
  // `http` is how refusals tell the HTTP endpoint their status; it means nothing on a socket.
  const { http: _http, ...extensions } = json.extensions ?? {};
  const formatted = json.extensions ? { ...json, extensions } : json;
  const { masked, error: shown } = maskError(formatted as Parameters<typeof maskError>[0]);
  if (masked) log.error({ ...context, err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'subscription failed');
  return shown as GraphQLFormattedError;
}
