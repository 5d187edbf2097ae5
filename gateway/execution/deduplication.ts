import type { ExecutionResult } from 'graphql';
import { mirroredCounter, type Registry } from '../../platform/metrics.ts';
import { canonicalJson, InFlight } from './inFlight.ts';
import type { OperationRequest } from './operation.ts';

/**
 * Identical queries in flight at once share one execution (GATEWAY_DEDUPLICATION): queries only
 * (a mutation runs once per request, always), keyed by everything that decides the answer: the
 * document, the operation, the variables and who asks. Each caller gets its own top-level result
 * object, so per-request response hooks never touch another caller's.
 */
export class QueryDeduplication {
  readonly #queries = new InFlight<ExecutionResult>();

  async run(request: OperationRequest, execute: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const { queryHash, operationName, variables, context } = request;
    const key = `${queryHash}\u0000${operationName ?? ''}\u0000${canonicalJson(variables)}\u0000${context.caller.fingerprint}`;
    return { ...(await this.#queries.run(key, execute)) };
  }

  /** Registers `gateway_queries_deduplicated_total`. */
  registerMetrics(registry: Registry): void {
    mirroredCounter({ registry, name: 'gateway_queries_deduplicated_total', help: 'Queries that joined an identical one in flight instead of running (GATEWAY_DEDUPLICATION).', read: () => this.#queries.joined });
  }
}
