// What a system is, whichever server framework serves it: the kernel's contract with the
// services. A subgraph's `server.ts` is one of these and nothing else; the runtime and the
// adapters read it, it reads neither.
import { join } from 'node:path';
import type { SystemName } from '../config.ts';
import type { BaseContext } from '../context.ts';
import type { ConsumerDefinition } from '../events/consumer.ts';

/**
 * Codegen's `Resolvers` type of a subgraph (`generated/resolvers.ts`): per GraphQL type, its
 * field resolvers, or a scalar.
 */
export type ResolverMap = { [typeName: string]: object | undefined };

/** A system: its schema, resolvers, event consumers and how to make a request's context. */
export interface SubgraphDefinition<Context extends BaseContext = BaseContext, Resolvers extends ResolverMap = ResolverMap> {
  name: SystemName;
  /** The folder holding `schema.graphql` and `migrations/`. */
  dir: string;
  /** The subgraph's resolvers, typed by codegen from its schema. */
  resolvers: Resolvers;
  /** What the system does with other systems' events. */
  consumers?: readonly ConsumerDefinition[];
  /** A request's context, from the one the runtime makes for every request. */
  createContext(base: BaseContext): Context;
  /** Runs once per GraphQL request after it executed, before its response is sent (crm audits personal data read). */
  beforeResponse?(context: Context, operationName: string | null): Promise<void>;
}

/** Where a system's SQL migrations are (`NNN_*.sql`). */
export function migrationsDir(definition: Pick<SubgraphDefinition, 'dir'>): string {
  return join(definition.dir, 'migrations');
}
