import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db/db.ts';
import { ErrorCode, HubError } from './errors.ts';

function requestHash(operation: string, args: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, canonical(args)])).digest('hex');
}

// Argument objects arrive with keys in the client's order; hash them in one order.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/**
 * Runs a mutation's write in one transaction and makes it idempotent on `key`.
 *
 * The key row is inserted in the same transaction as the effect, so a concurrent retry blocks
 * on it until the first commits (or rolls back, in which case the retry runs the write itself).
 * `write` returns the id of the entity the mutation answers with; a retry gets the same id.
 */
export async function idempotentWrite(
  db: Db,
  key: string | null | undefined,
  operation: string,
  args: unknown,
  write: (tx: Queryable) => Promise<string>,
): Promise<string> {
  if (key === null || key === undefined) return db.transaction(write);
  if (key.length === 0 || key.length > 255) {
    throw new HubError(ErrorCode.BadUserInput, 'idempotencyKey: must be 1 to 255 characters', { field: 'idempotencyKey' });
  }
  const hash = requestHash(operation, args);
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      'INSERT INTO idempotency_keys (key, operation, request_hash) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key',
      [key, operation, hash],
    );
    if (claimed.length === 0) {
      const [first] = await tx.query<{ operation: string; request_hash: string; result_id: string }>(
        'SELECT operation, request_hash, result_id FROM idempotency_keys WHERE key = $1',
        [key],
      );
      if (first.request_hash !== hash) {
        throw new HubError(
          ErrorCode.IdempotencyKeyReused,
          `idempotencyKey "${key}" was already used for ${first.operation} with other arguments`,
          { field: 'idempotencyKey' },
        );
      }
      return first.result_id;
    }
    const resultId = await write(tx);
    await tx.query('UPDATE idempotency_keys SET result_id = $2 WHERE key = $1', [key, resultId]);
    return resultId;
  });
}
