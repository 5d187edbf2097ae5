import type { GatewayExecutor } from '@apollo/server-gateway-interface';

/** One layer around the executor: sees every operation before (and its result after) the layer inside. */
export type ExecutorLayer = (inner: GatewayExecutor) => GatewayExecutor;
