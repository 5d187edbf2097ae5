// The one rule that decides whether a consumer's failure is permanent (dead-lettered at once) or
// transient (retried with backoff): every consumer and the runner go by it.
import { ErrorCode, HubError } from '../errors.ts';

/** Thrown for an event that can never succeed as it is: dead-lettered at once, no retries. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/**
 * Whether retrying an event that failed with `error` is pointless. A PermanentEventError (a
 * malformed event, a refusal the consumer knows is final) is; so is a command's own refusal (a
 * HubError: a CLOSED period, a CANCELED subscription, an overpayment), which comes back the same
 * on every retry, except NOT_FOUND: the event it depends on may simply not be applied yet.
 * Everything else (a database error, a dependency not there yet) is retried.
 */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentEventError) return true;
  return error instanceof HubError && error.extensions.code !== ErrorCode.NotFound;
}
