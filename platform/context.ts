// What every subgraph request's context holds, whichever server framework serves it: the
// resolvers' view of the platform (database, caller, events, the write path).
import type { AuditState } from './audit.ts';
import type { Caller } from './auth/caller.ts';
import type { Db, Queryable } from './db/db.ts';
import type { EntityRef } from './events/changes.ts';
import type { Emit } from './events/outbox.ts';
import type { EventStream } from './events/stream.ts';
import type { Logger } from './logger.ts';

export interface BaseContext {
  db: Db;
  log: Logger;
  requestId: string;
  /** The caller the gateway vouches for in its token: identity and scopes. */
  caller: Caller;
  /** Which of the request's mutations are audited already (see platform/audit.ts). */
  audit: AuditState;
  /** The request's correlation id (the gateway's `x-correlation-id`), stamped on its events. */
  correlationId: string;
  /**
   * The entities the request's writes changed, as their events name them: a mutation's answer
   * carries them in `extensions.changedEntities`, so the gateway's cache evicts them before it answers.
   */
  changedEntities: Set<EntityRef>;
  /**
   * False once the answer showed something its system audits at each showing (personal data
   * whole): the answer then says `extensions.cacheable: false` and the gateway does not cache it.
   */
  cacheable: boolean;
  /** The event stream, which subscription fields read (see platform/events/live.ts). */
  stream: EventStream;
  /**
   * Runs a mutation's write: one transaction, idempotent on `key` (see platform/idempotency.ts),
   * events emitted through `emit` committed with it and published after it, and its audit row
   * (actor, operation, redacted `args`) written in it. Returns the id of
   * the entity the mutation answers with.
   */
  write(key: string | null | undefined, operation: string, args: unknown, work: (tx: Queryable, emit: Emit) => Promise<string>): Promise<string>;
}
