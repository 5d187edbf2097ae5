import type { Caller } from '../platform/auth/caller.ts';
import type { SubgraphTokenSigner } from '../platform/auth/subgraphTokens.ts';
import type { Logger } from '../platform/logger.ts';
import type { CacheTrace } from './execution/entityCache.ts';

/** What the gateway knows of one operation, over HTTP or WebSocket. */
export interface GatewayContext {
  requestId: string;
  /** From the client's `x-correlation-id`, or made here; sent to every subgraph and returned. */
  correlationId: string;
  log: Logger;
  /** Who the operation is for, from the caller's verified token. */
  caller: Caller;
  /** Signs (and caches) the token each subgraph request carries. */
  subgraphTokens: SubgraphTokenSigner;
  /** The subgraphs the operation called so far, for its log line (gateway/operationLog.ts). */
  subgraphs: Set<string>;
  /** What the entity cache did for the operation, when the client asked (`x-cache-debug: 1`): its `extensions.cache`. */
  cacheTrace?: CacheTrace;
  /** The client sent `cache-control: no-cache`: every fetch goes to its subgraph, none is answered from the entity cache. */
  noCache?: boolean;
}

/**
 * The headers every subgraph request of an operation carries, whatever the transport (HTTP
 * fetches, and the upgrade request and connection params of upstream subscriptions): the one
 * place that decides what the gateway tells a subgraph about the caller. Subgraphs serve only
 * requests with the gateway's token; it carries the caller's identity and scopes.
 */
export function subgraphHeaders(context: GatewayContext, subgraph: string): Record<string, string> {
  // Every subgraph request of an operation passes here, whichever executor sends it.
  context.subgraphs.add(subgraph);
  return {
    'x-request-id': context.requestId,
    'x-correlation-id': context.correlationId,
    authorization: `Bearer ${context.subgraphTokens.token(context.caller, subgraph)}`,
  };
}
