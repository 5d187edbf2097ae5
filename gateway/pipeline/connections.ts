/**
 * Every live connection of the gateway, whatever its transport (a graphql-ws socket, an SSE
 * stream, an HTTP multipart subscription), with the one way to end it: `end(code, reason)`.
 * When a caller's access ends (its token expires or is revoked), this is where its connections
 * are found and closed.
 */
import type { Caller } from '../../platform/auth/caller.ts';
import { ErrorCode } from '../../platform/errors.ts';
import { mirroredGauge, type Registry } from '../../platform/metrics.ts';

export interface LiveConnection {
  transport: 'graphql-ws' | 'sse' | 'multipart';
  caller: Caller;
  /** Ends the connection: the client is told `code` and `reason` as its transport can say them. */
  end(code: ErrorCode, reason: string): void;
}

/** Ends a connection when its caller's access ends (security/access.ts); returns what stops watching it. */
export type WatchAccess = (caller: Caller, end: (code: number, reason: string) => void) => () => void;

export class LiveConnections {
  readonly #open = new Set<LiveConnection>();

  constructor(private readonly watchAccess: WatchAccess) {}

  /** Registers a connection, watched until its caller's access ends; the returned function forgets it (call it when the connection closes). */
  add(connection: LiveConnection): () => void {
    this.#open.add(connection);
    const unwatch = this.watchAccess(connection.caller, (_closeCode, reason) => connection.end(ErrorCode.Unauthenticated, reason));
    return () => {
      unwatch();
      this.#open.delete(connection);
    };
  }

  /** Ends every connection `which` picks; returns how many. */
  endWhere(which: (connection: LiveConnection) => boolean, code: ErrorCode, reason: string): number {
    const picked = [...this.#open].filter(which);
    for (const connection of picked) connection.end(code, reason);
    return picked.length;
  }

  /** Registers `gateway_live_connections`: open connections by transport. */
  registerMetrics(registry: Registry): void {
    mirroredGauge({
      registry,
      name: 'gateway_live_connections',
      help: 'Open live connections (graphql-ws sockets, SSE streams, HTTP multipart subscriptions), by transport.',
      labelNames: ['transport'],
      read: () => {
        const counts = { 'graphql-ws': 0, sse: 0, multipart: 0 };
        for (const connection of this.#open) counts[connection.transport] += 1;
        return Object.entries(counts).map(([transport, count]) => [{ transport }, count] as const);
      },
    });
  }
}
