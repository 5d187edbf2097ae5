// What a system is, whichever server framework serves it: the kernel's contract with the
// services. A subgraph's `server.ts` is one of these and nothing else; the runtime and the
// adapters read it, it reads neither.
import { join } from 'node:path';
import type { HubConfig, SystemName } from '../config.ts';
import type { Db } from '../db/db.ts';
import type { Logger } from '../logger.ts';
import type { BaseContext } from '../context.ts';
import type { DomainErrorCode } from '../errors.ts';
import type { ConsumerDefinition } from '../events/consumer.ts';
import type { EventStream } from '../events/stream.ts';
import type { Registry } from '../metrics.ts';

/**
 * Codegen's `Resolvers` type of a subgraph (`generated/resolvers.ts`): per GraphQL type, its
 * field resolvers, or a scalar.
 */
export type ResolverMap = { [typeName: string]: object | undefined };

/** Work a system does beside serving requests and consuming events (ops's reconciliation). */
export interface BackgroundJob {
  /** After the consumers and the relay started. */
  start(db: Db): void;
  /** Before anything else stops. */
  stop(): Promise<void>;
  /** Told where the gateway of the same process listens, once it does. */
  gatewayListening?(url: string): void;
}

/** A system: its schema, resolvers, event consumers and how to make a request's context. */
export interface SubgraphDefinition<Context extends BaseContext = BaseContext, Resolvers extends ResolverMap = ResolverMap, Job extends BackgroundJob = BackgroundJob> {
  name: SystemName;
  /** The folder holding `schema.graphql` and `migrations/`. */
  dir: string;
  /** The subgraph's resolvers, typed by codegen from its schema. */
  resolvers: Resolvers;
  /** The codes of the system's own rules (`extensions.code`) besides the kernel's, which clients may switch on. */
  errorCodes?: readonly DomainErrorCode[];
  /** What the system does with other systems' events. */
  consumers?: readonly ConsumerDefinition[];
  /** The system's background job, made once per process. */
  background?(config: HubConfig, log: Logger): Job;
  /** A request's context, from the one the runtime makes for every request (and the background job, if it has one). */
  createContext(base: BaseContext, job: Job | undefined): Context;
  /**
   * Registers the system's own metrics on its registry (served on `/metrics`); `db` is the
   * background connection, so scrapes do not count as requests' statements.
   */
  metrics?(registry: Registry, db: Db, stream: EventStream): void;
  /** Runs once per GraphQL request after it executed, before its response is sent (crm audits personal data read). */
  beforeResponse?(context: Context, operationName: string | null): Promise<void>;
}

/** Where a system's SQL migrations are (`NNN_*.sql`). */
export function migrationsDir(definition: Pick<SubgraphDefinition, 'dir'>): string {
  return join(definition.dir, 'migrations');
}
