import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../context.ts';
import { canonicalJson, InFlight } from './inFlight.ts';

/**
 * Identical queries in flight at once share one execution (GATEWAY_DEDUPLICATION): queries only
 * (a mutation runs once per request, always), keyed by everything that decides the answer: the
 * document, the operation, the variables and who asks. Each caller gets its own top-level result
 * object, so per-request response hooks never touch another caller's.
 */
export class QueryDeduplication {
  readonly #queries = new InFlight<GatewayExecutionResult>();

  layer = (executor: GatewayExecutor): GatewayExecutor => {
    return async (requestContext) => {
      if (requestContext.operation?.operation !== 'query') return executor(requestContext);
      const result = await this.#queries.run(deduplicationKey(requestContext), () => executor(requestContext));
      return { ...result };
    };
  };

  /** Lines for the gateway's `/metrics`. */
  metrics(): string[] {
    return ['# TYPE gateway_queries_deduplicated_total counter', `gateway_queries_deduplicated_total ${this.#queries.joined}`];
  }
}

function deduplicationKey(requestContext: GatewayGraphQLRequestContext): string {
  const { queryHash, request, context } = requestContext;
  const caller = (context as Partial<GatewayContext>).caller?.fingerprint ?? '';
  return `${queryHash}\u0000${request.operationName ?? ''}\u0000${canonicalJson(request.variables ?? {})}\u0000${caller}`;
}
