import { createClient, type Client } from 'graphql-ws';
import { decodeJwt } from 'jose';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import { LRUCache } from 'lru-cache';
import { backoffMs } from '../../platform/backoff.ts';
import { ErrorCode } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';

const KEEP_ALIVE_MS = 15_000;
/** A connection is replaced once this share of its token's lifetime has passed, well before the subgraph closes it. */
const RENEW_AT_SHARE = 0.75;
/** How long the old connection keeps delivering after its replacement is up: the new subscribe reaches the subgraph meanwhile. */
const RENEW_OVERLAP_MS = 1000;
const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 10_000;
/** Event ids remembered to drop a repeat from a replay that overlaps what was already received. */
const SEEN_IDS = 1024;

type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface UpstreamOptions {
  /** The owning subgraph's graphql-ws endpoint, e.g. ws://localhost:4002/graphql. */
  url: string;
  subgraph: string;
  /** The first subscribe: the client's own arguments. */
  query: string;
  variables: Record<string, unknown>;
  /** The subscribe that resumes after an event id; without it a reconnect starts from live. */
  resumeQuery?: string;
  afterVariable: string;
  /** An event id already received elsewhere: the first subscribe resumes after it. */
  after?: string;
  /** The event id of a streamed result (under the cursor alias the planner added). */
  cursorOf(result: Result): string | undefined;
  /**
   * Sent as headers of the upgrade request and as connection params: the subgraph's logs read
   * them, and its token is in them. Made again for every (re)connection, as tokens expire.
   */
  headers(): Record<string, string>;
  /** Sent as the subscribe message's `extensions`, where subgraphs read the correlation id. */
  extensions: Record<string, unknown>;
  log: Logger;
  /** Takes an event; false when it was not taken (the subscription stopped this upstream meanwhile). */
  onEvent(result: Result, cursor: string | undefined): boolean;
  /** The subgraph refused the subscription with GraphQL errors: final, no retry. */
  onError(errors: readonly GraphQLFormattedError[]): void;
  /** Counted in the gateway's metrics. */
  onReconnect?(): void;
}

/**
 * A subscription to the owning subgraph that outlives the subgraph's restarts: when the
 * connection drops it reconnects with backoff and subscribes again with `after: <the last event
 * id received>`, so the stream continues without a gap or a repeat. One connection per gateway
 * subscription, so a slow or stopped one holds back nothing else. The subgraph ends a connection
 * when the gateway's token on it expires: before then a new connection with a fresh token takes
 * over, the old one delivering until the new one is up (repeats dropped), so nothing is lost.
 */
export class UpstreamSubscription {
  private client?: Client;
  /** The connection being replaced (see `renew`): still delivering for a moment. */
  private previous?: Client;
  private renewTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private attempt = 0;
  private stopped = true;
  private closed = false;
  private lastCursor?: string;
  private connected = false;
  private readonly seen = new LRUCache<string, true>({ max: SEEN_IDS });

  constructor(private readonly options: UpstreamOptions) {
    this.lastCursor = options.after;
  }

  /** Whether the connection to the subgraph is up (acknowledged), so events made now reach it. */
  get streaming(): boolean {
    return this.connected;
  }

  /** Subscribes (again): from the client's own `after` the first time, after the last event received later. */
  start(): void {
    if (this.closed || !this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Drops the connection; events the subgraph sends meanwhile are replayed on `start()`. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.disposeClient();
  }

  /** Replaces the connection with one carrying a fresh token, before the subgraph closes this one. */
  private renew(): void {
    if (this.stopped || !this.client) return;
    this.disposePrevious();
    this.previous = this.client;
    this.connect();
  }

  private disposePrevious(): void {
    const previous = this.previous;
    this.previous = undefined;
    if (previous) Promise.resolve(previous.dispose()).catch(() => undefined);
  }

  /** Schedules `renew` for the connection whose headers carry this token. */
  private scheduleRenewal(authorization: string | undefined): void {
    clearTimeout(this.renewTimer);
    let claims: { exp?: number; iat?: number };
    try {
      claims = decodeJwt(authorization?.replace(/^Bearer\s+/i, '') ?? '');
    } catch {
      return;
    }
    if (claims.exp === undefined) return;
    const now = Date.now();
    const lifetimeMs = claims.exp * 1000 - (claims.iat === undefined ? now : claims.iat * 1000);
    this.renewTimer = setTimeout(() => this.renew(), Math.max(0, claims.exp * 1000 - now - lifetimeMs * (1 - RENEW_AT_SHARE)));
    this.renewTimer.unref();
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  private connect(): void {
    const { options } = this;
    const resuming = this.lastCursor !== undefined && options.resumeQuery !== undefined;
    const payload = resuming
      ? { query: options.resumeQuery!, variables: { ...options.variables, [options.afterVariable]: this.lastCursor }, extensions: options.extensions }
      : { query: options.query, variables: options.variables, extensions: options.extensions };
    let pongTimer: NodeJS.Timeout | undefined;
    let closeEvent: unknown;
    const headers = options.headers();
    const current = (candidate: Client) => candidate === this.client || candidate === this.previous;
    const client = createClient({
      url: options.url,
      // `ws` with this connection's headers on the upgrade request.
      webSocketImpl: class extends WebSocket {
        constructor(address: string | URL | null, protocols?: string | string[]) {
          super(address as string | URL, protocols, { headers });
        }
      },
      connectionParams: headers,
      lazy: true,
      // Reconnecting is done here, to change `after`; the client's own retry would replay stale arguments.
      retryAttempts: 0,
      keepAlive: KEEP_ALIVE_MS,
      on: {
        connected: () => {
          if (this.client !== client) return;
          this.connected = true;
          this.scheduleRenewal(headers.authorization);
          if (this.previous) {
            const previous = this.previous;
            setTimeout(() => this.previous === previous && this.disposePrevious(), RENEW_OVERLAP_MS).unref();
          }
          // After a lost connection this is news; after the gateway's own pause for a backlog it is routine.
          if (resuming) options.log[this.attempt > 0 ? 'info' : 'debug']({ subgraph: options.subgraph, after: this.lastCursor }, 'subscription resumed');
          this.attempt = 0;
        },
        // A subgraph that stops answering pings is gone even if its socket looks open.
        ping: (received) => {
          if (!received) pongTimer = setTimeout(() => client.terminate(), KEEP_ALIVE_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        closed: (event) => {
          if (this.client === client) this.connected = false;
          closeEvent = event;
          clearTimeout(pongTimer);
          // Disposing stops graphql-ws from resubscribing by itself after a normal closure.
          Promise.resolve(client.dispose()).catch(() => undefined);
        },
      },
    });
    this.client = client;
    client.subscribe<Record<string, unknown>>(payload, {
      next: (result) => {
        if (!current(client) || this.stopped) return;
        const cursor = options.cursorOf(result);
        if (cursor !== undefined && this.seen.has(cursor)) return;
        // An event not taken is not passed: the next subscribe starts before it.
        if (!options.onEvent(result, cursor) || cursor === undefined) return;
        this.seen.set(cursor, true);
        this.lastCursor = cursor;
      },
      error: (error) => {
        if (client === this.previous) return this.disposePrevious();
        if (this.client !== client || this.stopped) return;
        if (Array.isArray(error)) {
          const [first] = error as GraphQLFormattedError[];
          if (first?.extensions?.code === ErrorCode.SubscriptionOverflow) {
            // The subgraph dropped us for falling behind; what it holds is replayed after the last event received.
            const resumeAfter = first.extensions.resumeAfter;
            if (this.lastCursor === undefined && typeof resumeAfter === 'string') this.lastCursor = resumeAfter;
            this.retry(first.message);
            return;
          }
          this.close();
          options.onError(error as GraphQLFormattedError[]);
          return;
        }
        this.retry(closeEvent ?? error);
      },
      // These streams never end by themselves; a completion means the subgraph closed the connection.
      complete: () => {
        if (client === this.previous) return this.disposePrevious();
        if (this.client === client && !this.stopped) this.retry(closeEvent ?? 'completed');
      },
    });
  }

  private retry(reason: unknown): void {
    this.disposeClient();
    this.attempt += 1;
    const delay = backoffMs(this.attempt, FIRST_RETRY_MS, MAX_RETRY_MS, Math.random());
    const { subgraph, log } = this.options;
    log.warn({ subgraph, attempt: this.attempt, retryInMs: Math.round(delay), reason: describe(reason) }, 'subscription upstream lost; reconnecting');
    this.options.onReconnect?.();
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) this.connect();
    }, delay);
  }

  private disposeClient(): void {
    clearTimeout(this.renewTimer);
    this.disposePrevious();
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    if (client) Promise.resolve(client.dispose()).catch(() => undefined);
  }
}

function describe(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  if (reason && typeof reason === 'object' && 'code' in reason) return `closed ${String(reason.code)} ${String((reason as { reason?: unknown }).reason ?? '')}`.trim();
  return reason instanceof Error ? reason.message : String(reason);
}
