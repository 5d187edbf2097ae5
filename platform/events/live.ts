import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { badInput, ErrorCode } from '../errors.ts';
import type { BusinessEvent, Delivery } from './envelope.ts';
import type { EventStream } from './stream.ts';

/** Events one replay read takes. */
const REPLAY_PAGE = 500;
/** Live deliveries a subscriber may leave unread before it is ended (see LiveEventsOverflow). */
const MAX_BUFFERED = 10_000;
/** Event ids remembered to drop an event the stream holds twice (a relay retry republishes). */
const RECENT_IDS = 1024;

/**
 * A subscriber fell too far behind the live stream and was ended, rather than buffering without
 * bound. `resumeAfter` (also in `extensions`) is the last event it got past (given, or skipped by
 * its filter), or null when none: subscribe again with `after` set to it to go on without a gap.
 */
export class LiveEventsOverflow extends GraphQLError {
  constructor(
    readonly resumeAfter: string | null,
    limit: number,
  ) {
    super(
      `The subscription fell more than ${limit} events behind and was ended; subscribe again` +
        (resumeAfter ? ` with after: "${resumeAfter}" to resume where it stopped.` : ' to go on.'),
      { extensions: { code: ErrorCode.SubscriptionOverflow, resumeAfter } },
    );
    this.name = 'LiveEventsOverflow';
  }
}

export interface LiveEventsOptions {
  /**
   * An event id: every matching event after it is replayed from the stream first, then the
   * live ones follow. Null or absent: live events only, from now on.
   */
  after?: string | null;
  /** Which events to yield; applied before anything is yielded. */
  filter: (event: BusinessEvent) => boolean;
  /** Ends the iterator when aborted. */
  signal?: AbortSignal;
  /**
   * Live deliveries that may pile up unread before the iterator ends with LiveEventsOverflow.
   * @default 10_000
   */
  maxBuffered?: number;
}

/**
 * Orders two stream positions: in-process positions are integers ("42"), Redis ones entry ids
 * ("1700000000000-3", milliseconds then a sequence). Negative when `a` comes first.
 */
export function comparePositions(a: string, b: string): number {
  const [aMs, aSeq = '0'] = a.split('-');
  const [bMs, bSeq = '0'] = b.split('-');
  const order = compareIntegers(aMs, bMs);
  return order !== 0 ? order : compareIntegers(aSeq, bSeq);
}

/** Compares non-negative integer strings of any length (a Redis sequence is 64-bit). */
function compareIntegers(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The matching events of `stream`: with `after`, every one after that event (replayed from the
 * stream), then the live ones, with no gap and no duplicate at the seam; without it, live ones
 * only. The live tail is subscribed before the replay starts and buffered meanwhile; the replay
 * stops where the buffer begins, and buffered deliveries the replay already gave are skipped.
 * An unknown or expired `after` fails the first `next()` with BAD_USER_INPUT.
 *
 * `return()` ends it at once, even while it waits for an event, and unsubscribes.
 */
export function liveEvents(stream: EventStream, options: LiveEventsOptions): AsyncIterableIterator<Delivery> {
  return new LiveEvents(stream, options);
}

class LiveEvents implements AsyncIterableIterator<Delivery> {
  /** Matching live deliveries not yet taken, in stream order. */
  private readonly buffer: Delivery[] = [];
  private readonly limit: number;
  private readonly ready: Promise<void>;
  private readonly ended: Promise<void>;
  private end!: () => void;
  private readonly unsubscribe: () => void;
  private readonly events: AsyncGenerator<Delivery, void, undefined>;
  private wake: (() => void) | undefined;
  private overflowed = false;
  private closed = false;
  /** The last stream position given or skipped, and that event's id: where a resume starts. */
  private cursor: string | null = null;
  private resumeAfter: string | null;
  private readonly recent = new LRUCache<string, true>({ max: RECENT_IDS });

  constructor(
    private readonly stream: EventStream,
    private readonly options: LiveEventsOptions,
  ) {
    this.limit = options.maxBuffered ?? MAX_BUFFERED;
    this.resumeAfter = options.after ?? null;
    let anchored!: () => void;
    this.ready = new Promise((resolve) => (anchored = resolve));
    this.ended = new Promise((resolve) => (this.end = resolve));
    this.unsubscribe = stream.subscribe((deliveries) => this.receive(deliveries), () => anchored());
    options.signal?.addEventListener('abort', () => this.close(), { once: true });
    if (options.signal?.aborted) this.close();
    this.events = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Delivery> {
    return this;
  }

  async next(): Promise<IteratorResult<Delivery, undefined>> {
    if (this.closed) return { done: true, value: undefined };
    try {
      const result = await this.events.next();
      // Ended while it waited on the stream: what it read then is not given any more.
      return this.closed || result.done ? this.finish() : result;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<Delivery, undefined>> {
    return this.finish();
  }

  async throw(error: unknown): Promise<IteratorResult<Delivery, undefined>> {
    this.close();
    throw error;
  }

  private finish(): IteratorResult<Delivery, undefined> {
    this.close();
    return { done: true, value: undefined };
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.buffer.length = 0;
    this.wake?.();
    this.end();
  }

  private receive(deliveries: Delivery[]): void {
    if (this.closed || this.overflowed) return;
    for (const delivery of deliveries) if (this.options.filter(delivery.event)) this.buffer.push(delivery);
    if (this.buffer.length > this.limit) {
      // Stop holding what the subscriber cannot keep up with; it resumes with `after` instead.
      this.overflowed = true;
      this.unsubscribe();
      this.buffer.length = 0;
    }
    this.wake?.();
  }

  private async *run(): AsyncGenerator<Delivery, void, undefined> {
    if (this.options.after != null) {
      const start = await this.stream.positionOf(this.options.after);
      if (start === null) throw badInput('after', `event ${this.options.after} is unknown or no longer retained; subscribe without after`);
      this.cursor = start;
      // From here on every event stored reaches the buffer, so a replay started now leaves no gap.
      await Promise.race([this.ready, this.ended]);
      if (this.closed) return;
      yield* this.replay();
    }
    while (!this.closed) {
      if (this.overflowed) throw new LiveEventsOverflow(this.resumeAfter, this.limit);
      const delivery = this.buffer.shift();
      if (!delivery) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      if (this.cursor !== null && comparePositions(delivery.position, this.cursor) <= 0) continue;
      if (this.take(delivery)) yield delivery;
    }
  }

  /** Reads the stream after the cursor until it reaches the live buffer or the stream's end. */
  private async *replay(): AsyncGenerator<Delivery, void, undefined> {
    for (;;) {
      const page = await this.stream.readAfter(this.cursor, REPLAY_PAGE);
      for (const delivery of page) {
        if (this.closed) return;
        if (this.overflowed) throw new LiveEventsOverflow(this.resumeAfter, this.limit);
        const live = this.buffer[0];
        if (live && comparePositions(delivery.position, live.position) >= 0) return;
        if (!this.options.filter(delivery.event)) {
          this.cursor = delivery.position;
          this.resumeAfter = delivery.event.id;
          continue;
        }
        if (this.take(delivery)) yield delivery;
      }
      if (page.length < REPLAY_PAGE) return;
    }
  }

  /** Moves the cursor past a delivery; false when the same event was given already. */
  private take(delivery: Delivery): boolean {
    this.cursor = delivery.position;
    this.resumeAfter = delivery.event.id;
    if (this.recent.has(delivery.event.id)) return false;
    this.recent.set(delivery.event.id, true);
    return true;
  }
}
