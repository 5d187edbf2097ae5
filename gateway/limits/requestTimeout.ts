import { ErrorCode, requestError } from '../../platform/errors.ts';
import type { ExecuteOperation } from '../execution/operation.ts';

/**
 * A deadline on every operation: past `ms` the client gets REQUEST_TIMEOUT (504) instead of a
 * socket that hangs while a subgraph is slow. Subgraph fetches that are still running end by
 * their own SUBGRAPH_TIMEOUT_MS. For a deferred answer the deadline covers its first payload.
 */
export function withDeadline(execute: ExecuteOperation, ms: number): ExecuteOperation {
  return (request) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Awaited<ReturnType<ExecuteOperation>>>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'single', result: { errors: [requestError(ErrorCode.RequestTimeout, `The operation did not finish within ${ms} ms.`, { timeoutMs: ms }, 504)] } }), ms);
    });
    return Promise.race([execute(request), deadline]).finally(() => clearTimeout(timer));
  };
}
