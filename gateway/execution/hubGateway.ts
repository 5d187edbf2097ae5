import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../context.ts';
import { canonicalJson, InFlight } from './inFlight.ts';

export interface HubGatewayOptions {
  /** Identical queries in flight at once share one execution (GATEWAY_DEDUPLICATION). */
  deduplication: boolean;
}

/**
 * What Apollo Server runs operations through: Apollo's gateway (supergraph, query planner, plan
 * cache, execution) behind our own layers. Everything an execution needs is read from the request
 * context it is handed, so a wrapping layer (authorization) may rewrite the document first.
 */
export class HubGateway implements GatewayInterface {
  readonly #inner: ApolloGateway;
  readonly #options: HubGatewayOptions;
  readonly #queries = new InFlight<GatewayExecutionResult>();

  constructor(inner: ApolloGateway, options: HubGatewayOptions) {
    this.#inner = inner;
    this.#options = options;
  }

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const { executor } = await this.#inner.load(options);
    return { executor: this.#options.deduplication ? this.#deduplicating(executor) : executor };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.#inner.onSchemaLoadOrUpdate(callback);
  }

  stop(): Promise<void> {
    return this.#inner.stop();
  }

  /** Lines for the gateway's `/metrics`. */
  metrics(): string[] {
    return ['# TYPE gateway_queries_deduplicated_total counter', `gateway_queries_deduplicated_total ${this.#queries.joined}`];
  }

  /**
   * Queries only (a mutation runs once per request, always), keyed by everything that decides the
   * answer: the document, the operation, the variables and who asks. Each caller gets its own
   * top-level result object, so per-request response hooks never touch another caller's.
   */
  #deduplicating(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      if (requestContext.operation?.operation !== 'query') return executor(requestContext);
      const result = await this.#queries.run(deduplicationKey(requestContext), () => executor(requestContext));
      return { ...result };
    };
  }
}

function deduplicationKey(requestContext: GatewayGraphQLRequestContext): string {
  const { queryHash, request, context } = requestContext;
  const caller = (context as Partial<GatewayContext>).caller?.fingerprint ?? '';
  return `${queryHash}\u0000${request.operationName ?? ''}\u0000${canonicalJson(request.variables ?? {})}\u0000${caller}`;
}
