import type { BusinessEvent, Delivery } from './envelope.ts';
import { settlementOf, type GroupProgress } from './settlement.ts';
import { notify, type EventStream, type GroupLag, type GroupReader, type PublishedEvent, type Settlement } from './stream.ts';

interface Entry {
  seq: number;
  event: BusinessEvent;
  storedAt: number;
}

interface Pending {
  consumer: string;
  deliveredAt: number;
  entry: Entry;
}

interface Group {
  /** Sequence number of the next entry never delivered to the group. */
  next: number;
  pending: Map<number, Pending>;
}

/**
 * The embedded default's stream: the same semantics as Redis Streams consumer groups, in this
 * process. It keeps nothing across restarts: the outbox relay finds the events it published no
 * longer stored and publishes again what was not settled, and consumers dedupe on event ids, so
 * a restart loses nothing.
 */
export class MemoryEventStream implements EventStream {
  readonly kind = 'memory';
  readonly durable = false;
  private entries: Entry[] = [];
  private lastSeq = 0;
  private readonly bySeq = new Map<number, Entry>();
  private readonly byId = new Map<string, number>();
  private readonly groups = new Map<string, Group>();
  private readonly waiters = new Set<() => void>();
  private readonly liveListeners = new Set<(deliveries: Delivery[]) => void>();

  constructor(private readonly retentionMs: number) {}

  async publish(events: BusinessEvent[]): Promise<string[]> {
    const now = Date.now();
    const added: Delivery[] = [];
    for (const event of events) {
      const entry = { seq: ++this.lastSeq, event, storedAt: now };
      this.entries.push(entry);
      this.bySeq.set(entry.seq, entry);
      this.byId.set(event.id, entry.seq);
      added.push(delivery(entry));
    }
    this.trim(now);
    for (const wake of [...this.waiters]) wake();
    if (added.length > 0) notify(this.liveListeners, added);
    return added.map((entry) => entry.position);
  }

  subscribe(listener: (deliveries: Delivery[]) => void, onReady?: () => void): () => void {
    this.liveListeners.add(listener);
    // Publishing notifies listeners synchronously, so the tail starts exactly here.
    onReady?.();
    return () => {
      this.liveListeners.delete(listener);
    };
  }

  private trim(now: number): void {
    let drop = 0;
    while (drop < this.entries.length && now - this.entries[drop].storedAt > this.retentionMs) drop++;
    if (drop === 0) return;
    for (const entry of this.entries.slice(0, drop)) {
      this.bySeq.delete(entry.seq);
      this.byId.delete(entry.event.id);
    }
    this.entries = this.entries.slice(drop);
  }

  async group(name: string, consumer: string): Promise<GroupReader> {
    let group = this.groups.get(name);
    if (!group) {
      group = { next: this.entries[0]?.seq ?? this.lastSeq + 1, pending: new Map() };
      this.groups.set(name, group);
    }
    const g = group;
    return {
      read: (count, blockMs) => this.read(g, consumer, count, blockMs),
      reclaim: async (idleMs, count) => {
        const now = Date.now();
        const taken: Delivery[] = [];
        for (const [seq, pending] of g.pending) {
          if (taken.length >= count) break;
          if (now - pending.deliveredAt < idleMs) continue;
          g.pending.set(seq, { consumer, deliveredAt: now, entry: pending.entry });
          taken.push(delivery(pending.entry));
        }
        return taken;
      },
      ack: async (positions) => {
        for (const position of positions) g.pending.delete(Number(position));
      },
    };
  }

  private async read(group: Group, consumer: string, count: number, blockMs: number): Promise<Delivery[]> {
    const take = (): Delivery[] => {
      const out: Delivery[] = [];
      const now = Date.now();
      while (out.length < count && group.next <= this.lastSeq) {
        const entry = this.bySeq.get(group.next++);
        if (!entry) continue;
        group.pending.set(entry.seq, { consumer, deliveredAt: now, entry });
        out.push(delivery(entry));
      }
      return out;
    };
    const ready = take();
    if (ready.length > 0 || blockMs <= 0) return ready;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, blockMs);
      this.waiters.add(wake);
    });
    return take();
  }

  /** Every group of this process is known here: `expectedGroups` adds nothing (a restart forgets them all). */
  async settlement(events: PublishedEvent[]): Promise<{ states: Settlement[]; groups: string[] }> {
    const groups: GroupProgress[] = [...this.groups].map(([name, group]) => ({
      name,
      lastDelivered: String(group.next - 1),
      oldestPending: group.pending.size > 0 ? String([...group.pending.keys()].reduce((a, b) => Math.min(a, b))) : null,
    }));
    const states = events.map((event) => {
      const stored = event.position !== null && this.bySeq.get(Number(event.position))?.event.id === event.id;
      return settlementOf(stored, event.position ?? '0', groups, []);
    });
    return { states, groups: groups.map((group) => group.name) };
  }

  health(): { status: 'up' | 'down' } {
    return { status: 'up' };
  }

  async lag(): Promise<GroupLag[]> {
    const now = Date.now();
    return [...this.groups].map(([group, { next, pending }]) => {
      const undelivered = this.entries.filter((entry) => entry.seq >= next);
      const oldest = Math.min(...[...pending.values()].map((p) => p.entry.storedAt), undelivered[0]?.storedAt ?? Infinity);
      return { group, pending: pending.size + undelivered.length, lagSeconds: Number.isFinite(oldest) ? (now - oldest) / 1000 : 0 };
    });
  }

  async readAfter(position: string | null, count: number): Promise<Delivery[]> {
    const after = position === null ? 0 : Number(position);
    // Entries are in seq order: find the first one after `after` by bisection, as a replay pages
    // through the whole retained log.
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle].seq > after) high = middle;
      else low = middle + 1;
    }
    return this.entries.slice(low, low + count).map(delivery);
  }

  async positionOf(eventId: string): Promise<string | null> {
    const seq = this.byId.get(eventId);
    return seq === undefined ? null : String(seq);
  }

  async close(): Promise<void> {
    this.liveListeners.clear();
    for (const wake of [...this.waiters]) wake();
  }
}

function delivery(entry: Entry): Delivery {
  return { position: String(entry.seq), event: entry.event };
}
