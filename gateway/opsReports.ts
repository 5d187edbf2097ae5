import { randomUUID } from 'node:crypto';
import type { Logger } from '../platform/logger.ts';

export interface OpsReportsOptions<Batch> {
  /** How long what is due waits before it is sent, so a busy gateway costs ops one report per interval. */
  delayMs: number;
  /** Whether anything is waiting to be sent. */
  waiting: () => boolean;
  /** Takes the next batch of what is waiting (called only while something is). */
  take: () => Batch;
  /** Sends one report to ops and throws unless ops recorded it. */
  send: (batch: Batch, idempotencyKey: string) => Promise<void>;
  log: Logger;
  /** Logged with the error when ops did not take a report. */
  failure: string;
}

/**
 * What the gateway reports to ops a while after it happened (its audit entries, deprecated-field
 * usage): one report at a time; a report ops did not confirm is sent again as it was, with its
 * idempotency key, so ops records it once.
 */
export class OpsReports<Batch> {
  #unsent: { idempotencyKey: string; batch: Batch } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #reporting: Promise<void> | undefined;
  #closed = false;

  constructor(private readonly options: OpsReportsOptions<Batch>) {}

  /** Something is waiting: it is sent after `delayMs`, with whatever else is waiting by then. */
  due(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#reporting = this.#send().finally(() => {
        this.#reporting = undefined;
        if (this.options.waiting() || this.#unsent) this.due();
      });
    }, this.options.delayMs);
    this.#timer.unref();
  }

  /** Sends what is not sent yet, once more. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#reporting;
    await this.#send();
  }

  async #send(): Promise<void> {
    if (!this.#unsent && this.options.waiting()) this.#unsent = { idempotencyKey: randomUUID(), batch: this.options.take() };
    if (!this.#unsent) return;
    try {
      await this.options.send(this.#unsent.batch, this.#unsent.idempotencyKey);
      this.#unsent = undefined;
    } catch (error) {
      this.options.log.warn({ err: error }, this.options.failure);
    }
  }
}
