/**
 * The pipeline's last stage for every transport: what a client may see of each error, and the
 * HTTP status the errors ask for. Unexpected errors are masked (their message may carry SQL or
 * host names) and logged whole with the request id.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { maskError, raisedCode } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';

/** The status and headers an error carries for HTTP (`requestError`), stripped from what the client sees. */
interface HttpHint {
  status?: number;
  headers?: Map<string, string> | Record<string, string>;
}

export interface FormattedErrors {
  errors: GraphQLFormattedError[];
  /** The status the errors ask for, the last one that names one; undefined when none does. */
  status?: number;
  headers: Record<string, string>;
}

/** The request id every log line of a masked error carries. */
export interface ErrorLog {
  log: Logger;
  requestId: string;
}

function hintHeaders(hint: HttpHint | undefined): Record<string, string> {
  if (!hint?.headers) return {};
  return hint.headers instanceof Map ? Object.fromEntries(hint.headers) : { ...hint.headers };
}

/** Formats errors as raised (GraphQLError) or as received from a subgraph (already formatted). */
export function formatErrors(errors: readonly (GraphQLError | GraphQLFormattedError)[], { log, requestId }: ErrorLog): FormattedErrors {
  let status: number | undefined;
  const headers: Record<string, string> = {};
  const formatted = errors.map((error) => {
    const json = error instanceof GraphQLError ? error.toJSON() : error;
    const { http, ...extensions } = (json.extensions ?? {}) as Record<string, unknown> & { http?: HttpHint };
    if (http?.status !== undefined) status = http.status;
    Object.assign(headers, hintHeaders(http));
    const code = error instanceof GraphQLError ? raisedCode(error) : extensions.code;
    const shown = { ...json, ...(json.extensions || code ? { extensions: { ...extensions, ...(code ? { code } : {}) } } : {}) };
    const { masked, error: visible } = maskError(shown as Parameters<typeof maskError>[0]);
    if (masked) log.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error, requestId }, 'operation failed');
    return visible as GraphQLFormattedError;
  });
  return { errors: formatted, status, headers };
}
