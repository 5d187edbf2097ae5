import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { envPrefix, type HubConfig, type SystemName } from '../config.ts';
import { openDb, type Db } from '../db/db.ts';
import { StartError } from '../startError.ts';
import type { ConsumerDefinition } from '../events/consumer.ts';
import type { HubEvent } from '../events/catalogue.ts';
import { changedEntities, type EntityRef } from '../events/changes.ts';
import { emitter, type Emit } from '../events/outbox.ts';
import { OutboxRelay } from '../events/relay.ts';
import { ConsumerRunner } from '../events/runner.ts';
import type { EventStream } from '../events/stream.ts';
import { idempotentWrite } from '../idempotency.ts';
import { createLogger, type Logger } from '../logger.ts';
import { AuditWriter, writeAudit, type AuditState } from '../audit.ts';
import type { Caller } from '../auth/caller.ts';
import { gatewayPublicKey } from '../auth/keys.ts';
import { subgraphTokenVerifier } from '../auth/subgraphTokens.ts';
import type { BaseContext } from '../context.ts';
import { migrationsDir, type SubgraphDefinition } from './definition.ts';

/**
 * Opens the system's database (PGlite under the data folder, or `<SYSTEM>_DATABASE_URL`) and
 * applies the migrations of its definition. One that cannot be opened stops the start with a
 * StartError naming the setting and the system.
 */
export async function openSystemDb(config: HubConfig, definition: Pick<SubgraphDefinition, 'name' | 'dir'>): Promise<Db> {
  const { name } = definition;
  const system = config.systems[name];
  const dataDir = join(config.dataDir, name);
  try {
    return await openDb({ databaseUrl: system.databaseUrl, dataDir }, migrationsDir(definition));
  } catch (error) {
    throw new StartError(databaseFailure(name, system.databaseUrl, dataDir, error as Error & { code?: string }));
  }
}

/** What went wrong opening a system's database, and what to do about it, in one line. */
function databaseFailure(name: SystemName, databaseUrl: string | undefined, dataDir: string, error: Error & { code?: string }): string {
  const reason = (error.message || String(error.code ?? error)).split('\n')[0];
  if (!databaseUrl) {
    return `Cannot open the ${name} database in HUB_DATA_DIR (${dataDir}): ${reason}. Make sure the folder can be written, or set HUB_DATA_DIR to another folder.`;
  }
  const variable = `${envPrefix(name)}_DATABASE_URL`;
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  const where = `${variable} (${url.toString()}) of the ${name} system`;
  switch (error.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Cannot reach PostgreSQL at ${where}: ${reason}. Start PostgreSQL there, or fix ${variable}.`;
    // invalid_catalog_name: the server answers, the database is not there.
    case '3D000':
      return `The database ${where} does not exist: create it (CREATE DATABASE ${url.pathname.slice(1)}), or fix ${variable}.`;
    // invalid_password, invalid_authorization_specification
    case '28P01':
    case '28000':
      return `PostgreSQL refused the login of ${where}: ${reason}. Fix the user or password in ${variable}.`;
    default:
      return `Cannot open the database ${where}: ${reason}. Fix ${variable}, or the database it names.`;
  }
}

const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * A system's running parts besides HTTP: its database, the relay that publishes its outbox and
 * the consumers that apply other systems' events.
 */
export class SystemRuntime {
  private readonly relay: OutboxRelay;
  private readonly runners: ConsumerRunner[];
  private readonly auditWriter: AuditWriter;
  /** Verifies the gateway's token a request carries (its `Authorization` value); throws UNAUTHENTICATED. */
  readonly authenticate: (authorization: unknown) => Promise<Caller>;
  /** The system's own error codes (its definition's `errorCodes`), which its servers let through to clients. */
  readonly domainCodes: ReadonlySet<string>;

  private constructor(
    readonly name: SystemName,
    readonly db: Db,
    readonly logger: Logger,
    readonly stream: EventStream,
    config: HubConfig,
    consumers: readonly ConsumerDefinition[],
    domainCodes: readonly string[],
  ) {
    this.domainCodes = new Set(domainCodes);
    this.authenticate = subgraphTokenVerifier(gatewayPublicKey(config), name);
    this.auditWriter = new AuditWriter(db);
    this.relay = new OutboxRelay(name, db.background(), stream, logger, config.events.outboxPollMs, config.events.retentionDays);
    this.runners = consumers.map(
      (definition) =>
        new ConsumerRunner(definition, {
          source: name,
          db: db.background(),
          stream,
          log: logger,
          instance: INSTANCE,
          config: config.events,
          emitted: () => this.relay.kick(),
        }),
    );
  }

  static async open(definition: SubgraphDefinition, config: HubConfig, stream: EventStream): Promise<SystemRuntime> {
    const { name, consumers = [], errorCodes = [] } = definition;
    return new SystemRuntime(name, await openSystemDb(config, definition), createLogger(config, name), stream, config, consumers, errorCodes);
  }

  /** Starts consuming and publishing; consumers first, so no event is settled before they read. */
  async start(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
    await this.relay.start();
  }

  /** The context every request of this system's subgraph starts from. */
  requestContext(request: FastifyRequest): BaseContext {
    return this.context(String(request.id), request.correlationId, request.log as Logger, request.caller!);
  }

  /**
   * The same for work without an HTTP request: a subscription, and each event it delivers. Its
   * reads are live-event work (Db.background): a burst of requests does not hold events back.
   */
  subscriptionContext(caller: Caller, correlationId: string, requestId: string = randomUUID()): BaseContext {
    return this.context(requestId, correlationId, this.logger.child({ requestId, correlationId }), caller, this.db.background());
  }

  private context(requestId: string, correlationId: string, log: Logger, caller: Caller, db: Db = this.db): BaseContext {
    const origin = { source: this.name, correlationId, causationId: requestId };
    const audit: AuditState = {
      written: 0,
      record: async (operation, args, outcome) => {
        await this.auditWriter.record(origin, caller, operation, args, outcome);
        this.relay.kick();
      },
    };
    const changed = new Set<EntityRef>();
    return {
      db,
      log,
      requestId,
      correlationId,
      caller,
      audit,
      changedEntities: changed,
      cacheable: true,
      stream: this.stream,
      write: async (key, operation, args, work) => {
        const id = await idempotentWrite(this.db, key, operation, args, async (tx) => {
          const emitted = emitter(tx, origin);
          // Every write's events name the entities it changed: the answer tells the gateway's cache.
          const emit: Emit = async (draft) => {
            const event = await emitted(draft);
            for (const ref of changedEntities(event as HubEvent)) changed.add(ref);
            return event;
          };
          const result = await work(tx, emit);
          await writeAudit(tx, origin, caller, operation, args, 'OK');
          audit.written += 1;
          return result;
        });
        this.relay.kick();
        return id;
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.close()));
    await this.relay.close();
    await this.db.close();
  }
}
