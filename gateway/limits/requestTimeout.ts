import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { ErrorCode } from '../../platform/errors.ts';
import { requestError } from './operationLimits.ts';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * The gateway with a deadline on every operation: past `ms` the client gets REQUEST_TIMEOUT (504)
 * instead of a socket that hangs while a subgraph is slow. Subgraph fetches that are still
 * running end by their own SUBGRAPH_TIMEOUT_MS.
 */
export function withRequestTimeout(gateway: Gateway, ms: number): Gateway {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      const { executor } = loaded;
      if (!executor) return loaded;
      return {
        ...loaded,
        executor: (requestContext) => {
          let timer: NodeJS.Timeout | undefined;
          const deadline = new Promise<never>((_resolve, reject) => {
            timer = setTimeout(
              () => reject(requestError(ErrorCode.RequestTimeout, `The operation did not finish within ${ms} ms.`, { timeoutMs: ms }, 504)),
              ms,
            );
          });
          return Promise.race([executor(requestContext), deadline]).finally(() => clearTimeout(timer));
        },
      };
    },
  };
}
