import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { EventSource, GatewaySubscription } from './gatewaySubscription.ts';
import type { UpstreamEvent } from './resolveEvent.ts';
import type { UpstreamOptions, UpstreamSubscription } from './upstreamSubscription.ts';

type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** Makes an upstream subscription that hands its events and refusal to the given callbacks. */
export type UpstreamFactory = (handlers: Pick<UpstreamOptions, 'onEvent' | 'onError'> & { after?: string }) => UpstreamSubscription;

/**
 * Live gateway subscriptions with the same upstream (subgraph, upstream document, variables and
 * caller) share one subscription to the owning subgraph: 5,000 subscribers of 500 customers are
 * 500 upstream streams, not 5,000. A subscriber that resumes `after` an event keeps a stream of
 * its own, as does one the gateway had to pause (see Membership.start).
 */
export class SharedUpstreams {
  readonly #groups = new Map<string, UpstreamGroup>();

  /** The event source of `subscription`: a membership of the group for `key`, made by `create` if none runs. */
  join(key: string, subscription: GatewaySubscription, create: UpstreamFactory): EventSource {
    return new Membership(subscription, create, () => {
      let group = this.#groups.get(key);
      if (!group) {
        group = new UpstreamGroup(create, () => this.#groups.delete(key));
        this.#groups.set(key, group);
      }
      return group;
    });
  }

  /** Upstream subscriptions the live gateway subscriptions share, for `/metrics`. */
  get size(): number {
    return this.#groups.size;
  }
}

class UpstreamGroup {
  readonly members = new Set<Membership>();
  readonly upstream: UpstreamSubscription;

  constructor(create: UpstreamFactory, private readonly onEmpty: () => void) {
    this.upstream = create({
      // Members that cannot take an event now pause themselves (Membership.stop); the group's stream goes on.
      onEvent: (result, cursor) => {
        for (const member of [...this.members]) member.deliver(result, cursor);
        return true;
      },
      onError: (errors) => {
        for (const member of [...this.members]) member.fail(errors);
      },
    });
  }

  add(member: Membership): void {
    this.members.add(member);
    if (this.members.size === 1) this.upstream.start();
  }

  remove(member: Membership): void {
    if (!this.members.delete(member) || this.members.size > 0) return;
    this.upstream.close();
    this.onEmpty();
  }
}

/** One gateway subscription's place in a group; on its own stream once it had to pause. */
class Membership implements EventSource {
  #group?: UpstreamGroup;
  #own?: UpstreamSubscription;
  #lastCursor?: string;
  #started = false;

  constructor(
    private readonly subscription: GatewaySubscription,
    private readonly create: UpstreamFactory,
    private readonly group: () => UpstreamGroup,
  ) {}

  get streaming(): boolean {
    return this.#own ? this.#own.streaming : (this.#group?.upstream.streaming ?? false);
  }

  /**
   * The first start joins the group. A start after a pause resumes on a stream of its own, after
   * the last event this subscription took, so it neither misses nor repeats one.
   */
  start(): void {
    if (!this.#started) {
      this.#started = true;
      this.#group = this.group();
      this.#group.add(this);
      return;
    }
    this.#own ??= this.create({
      after: this.#lastCursor,
      onEvent: (result, cursor) => this.subscription.push(result, cursor),
      onError: (errors) => this.subscription.fail(errors),
    });
    this.#own.start();
  }

  stop(): void {
    this.#leave();
    this.#own?.stop();
  }

  close(): void {
    this.#leave();
    this.#own?.close();
  }

  deliver(result: Result, cursor: string | undefined): void {
    if (this.subscription.push(result, cursor) && cursor !== undefined) this.#lastCursor = cursor;
  }

  fail(errors: readonly GraphQLFormattedError[]): void {
    this.subscription.fail(errors);
  }

  #leave(): void {
    this.#group?.remove(this);
    this.#group = undefined;
  }
}

/**
 * The rest of an event's plan, run once per event for every subscriber that asks with the same
 * key (document, variables, caller), while the event is held by any of them.
 */
export class SharedResolutions {
  readonly #byEvent = new WeakMap<UpstreamEvent, Map<string, Promise<ExecutionResult>>>();

  resolve(event: UpstreamEvent, key: string, resolve: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    let results = this.#byEvent.get(event);
    if (!results) this.#byEvent.set(event, (results = new Map()));
    let result = results.get(key);
    if (!result) results.set(key, (result = resolve()));
    return result;
  }
}
