import type { ExecutorLayer } from '../execution/layers.ts';
import { ErrorCode, requestError } from '../../platform/errors.ts';

/**
 * A deadline on every operation: past `ms` the client gets REQUEST_TIMEOUT (504) instead of a
 * socket that hangs while a subgraph is slow. Subgraph fetches that are still running end by
 * their own SUBGRAPH_TIMEOUT_MS.
 */
export function requestDeadline(ms: number): ExecutorLayer {
  return (executor) => (requestContext) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(requestError(ErrorCode.RequestTimeout, `The operation did not finish within ${ms} ms.`, { timeoutMs: ms }, 504)), ms);
    });
    return Promise.race([executor(requestContext), deadline]).finally(() => clearTimeout(timer));
  };
}
