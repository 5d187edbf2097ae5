/**
 * The pipeline's last stage for every transport: what a client may see of each error, and the
 * HTTP status the errors ask for. Unexpected errors are masked (their message may carry SQL or
 * host names) and logged whole with the request id.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { clientError } from '../../platform/errors.ts';
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

/** Where a masked error is logged, and the domain codes that pass. */
export interface ErrorLog {
  log: Logger;
  requestId: string;
  /** Every system's own error codes (their definitions' `errorCodes`), which subgraphs answer with. */
  domainCodes?: ReadonlySet<string>;
}

function hintHeaders(hint: HttpHint | undefined): Record<string, string> {
  if (!hint?.headers) return {};
  return hint.headers instanceof Map ? Object.fromEntries(hint.headers) : { ...hint.headers };
}

/**
 * Formats errors as raised (GraphQLError) or as received from a subgraph (already formatted) with
 * the kernel's clientError, and reads the HTTP status and headers they ask for.
 */
export function formatErrors(errors: readonly (GraphQLError | GraphQLFormattedError)[], where: ErrorLog): FormattedErrors {
  let status: number | undefined;
  const headers: Record<string, string> = {};
  const formatted = errors.map((error) => {
    const http = (error.extensions as { http?: HttpHint } | undefined)?.http;
    if (http?.status !== undefined) status = http.status;
    Object.assign(headers, hintHeaders(http));
    return clientError(error, where);
  });
  return { errors: formatted, status, headers };
}
