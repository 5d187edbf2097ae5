import type { Logger } from '../platform/logger.ts';

/** What the gateway knows of one operation, over HTTP or WebSocket. */
export interface GatewayContext {
  requestId: string;
  /** From the client's `x-correlation-id`, or made here; sent to every subgraph and returned. */
  correlationId: string;
  log: Logger;
  /** Who asks, once authenticated: equal fingerprints may share answers (see execution/hubGateway.ts). */
  caller?: { fingerprint: string };
}

/**
 * The headers every subgraph request of an operation carries, whatever the transport (HTTP
 * fetches, and the upgrade request and connection params of upstream subscriptions): the one
 * place that decides what the gateway tells a subgraph about the caller.
 */
export function subgraphHeaders(context: GatewayContext, _subgraph: string): Record<string, string> {
  return { 'x-request-id': context.requestId, 'x-correlation-id': context.correlationId };
}
