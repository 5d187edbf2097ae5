/**
 * Live connections end with their caller's access: a connection watched here is ended (close
 * code 4403, a reason naming why) when its token expires or its caller's access is revoked, on
 * whichever replica holds it. Transports call `watch` once they know the caller and hand it
 * their own way to end: graphql-ws closes the socket, a stream sends its last event.
 */
import type { Caller } from '../../platform/auth/caller.ts';
import { ACCESS_ENDED, expiredReason, onExpiry } from '../../platform/auth/expiry.ts';
import { mirroredCounter, mirroredGauge, type Registry } from '../../platform/metrics.ts';
import { revokes, type Revocation, type Revocations } from './revocations.ts';

/** Ends one connection: `code` is a WebSocket close code, `reason` says why (at most 123 bytes). */
export type EndConnection = (code: number, reason: string) => void;

interface Watch {
  caller: Caller;
  end: EndConnection;
}

export function revokedReason(revocation: Revocation): string {
  const reason = `Forbidden: access revoked at ${new Date(revocation.revokedAt).toISOString()}: ${revocation.reason}`;
  // A close reason holds 123 bytes; cut on a character, not in the middle of one.
  return Buffer.byteLength(reason) <= 123 ? reason : `${Buffer.from(reason).subarray(0, 120).toString().replace(/\uFFFD$/, '')}...`;
}

export class AccessWatcher {
  readonly #bySub = new Map<string, Set<Watch>>();
  #ended = 0;

  constructor(private readonly revocations: Revocations) {
    revocations.onRevoked((revocation) => {
      for (const watch of [...(this.#bySub.get(revocation.sub) ?? [])]) {
        if (revokes(revocation, watch.caller)) this.#end(watch, revokedReason(revocation));
      }
    });
  }

  /** Ends the connection when the caller's access ends (at once if it has); returns what stops watching it. */
  watch(caller: Caller, end: EndConnection): () => void {
    const watch: Watch = { caller, end };
    const revoked = this.revocations.refusing(caller);
    if (revoked) {
      this.#end(watch, revokedReason(revoked));
      return () => undefined;
    }
    let watches = this.#bySub.get(caller.sub);
    if (!watches) this.#bySub.set(caller.sub, (watches = new Set()));
    watches.add(watch);
    const cancelExpiry = onExpiry(caller.token, () => this.#end(watch, expiredReason(caller.token!.exp)));
    return () => {
      cancelExpiry();
      this.#forget(watch);
    };
  }

  registerMetrics(registry: Registry): void {
    mirroredGauge({
      registry,
      name: 'gateway_connections_watched',
      help: "Live connections watched for their caller's token to expire or be revoked.",
      read: () => [...this.#bySub.values()].reduce((sum, watches) => sum + watches.size, 0),
    });
    mirroredCounter({ registry, name: 'gateway_connections_access_ended_total', help: "Live connections ended because their caller's access ended.", read: () => this.#ended });
  }

  #end(watch: Watch, reason: string): void {
    this.#forget(watch);
    this.#ended += 1;
    watch.end(ACCESS_ENDED, reason);
  }

  #forget(watch: Watch): void {
    const watches = this.#bySub.get(watch.caller.sub);
    watches?.delete(watch);
    if (watches?.size === 0) this.#bySub.delete(watch.caller.sub);
  }
}
