// What every subgraph answer tells the gateway's entity cache (gateway/execution/entityCache.ts),
// added by each server adapter in the same way.
import type { BaseContext } from '../context.ts';

/** What the gateway's entity cache reads from an answer: the entities its writes changed, and whether it may be cached. */
export function cacheExtensions(context: BaseContext): Record<string, unknown> {
  return {
    ...(context.changedEntities.size > 0 && { changedEntities: [...context.changedEntities] }),
    ...(!context.cacheable && { cacheable: false }),
  };
}
