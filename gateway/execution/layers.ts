import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

/** One layer around the executor: sees every operation before (and its result after) the layer inside. */
export type ExecutorLayer = (inner: GatewayExecutor) => GatewayExecutor;

/**
 * The gateway as Apollo Server sees it: Apollo's gateway (supergraph, query planner, plan cache,
 * execution) with our layers around its executor, the first listed outermost. Every layer reads
 * what it needs from the request context it is handed, so an outer one may rewrite the document.
 */
export function layeredGateway(gateway: GatewayInterface, layers: ExecutorLayer[]): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      const { executor } = loaded;
      return { ...loaded, executor: executor && layers.reduceRight((inner, layer) => layer(inner), executor) };
    },
  };
}
