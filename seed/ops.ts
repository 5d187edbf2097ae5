import { loadTables, setSequence } from '../platform/db/bulk.ts';
import type { Db } from '../platform/db/db.ts';
import { emitter, parseEvent, type BusinessEvent, type Emit } from '../platform/events/index.ts';
import { consumers } from '../subgraphs/ops/consumers.ts';
import { replayHistory } from '../subgraphs/ops/replay.ts';

/** Rows per insert of the bulk load: bounds the size of one JSON parameter. */
const LOAD_CHUNK = 5000;

function chunks<T>(table: string, rows: readonly T[]): [string, readonly T[]][] {
  const parts: [string, readonly T[]][] = [];
  for (let from = 0; from < rows.length; from += LOAD_CHUNK) parts.push([table, rows.slice(from, from + LOAD_CHUNK)]);
  return parts;
}

/**
 * Loads ops's tables with what its `ops.log` consumer would have made of the seeded events
 * (replayHistory), in one transaction: the event log, the consumer's claims, the workflow runs
 * and their steps, the exceptions. The same rows as applyToOps, at a fraction of the cost.
 */
export async function loadOpsHistory(db: Db, events: readonly BusinessEvent[]): Promise<number> {
  const history = await replayHistory(events);
  await loadTables(db, [
    ...chunks('events', history.events),
    ...chunks('processed_events', history.processed),
    ...chunks('workflow_runs', history.runs),
    ...chunks('workflow_steps', history.steps),
    ...chunks('exceptions', history.exceptions),
  ]);
  await setSequence(db, 'events_recorded_seq_seq', history.events.length);
  return history.processed.length;
}

/** Events applied per transaction: one commit per event would cost more than the events. */
const CHUNK = 500;

/**
 * Applies seeded events to ops the way the runner delivers them to its `ops.log` consumer: in
 * order, each claimed in processed_events in the same transaction as its effects, events it emits
 * going to ops's outbox (and, as the stream would bring them back, to ops.log too). The outbox
 * rows are then marked published and settled: seed history is never sent to the stream.
 * `onProgress` gets the events applied so far. The seed uses loadOpsHistory; this is the
 * consumer's own path, which test/seed-history.test.ts holds the bulk load to.
 */
export async function applyToOps(db: Db, events: readonly BusinessEvent[], onProgress?: (done: number) => void): Promise<number> {
  const consumer = consumers.find((candidate) => candidate.name === 'ops.log');
  if (!consumer) throw new Error('ops has no ops.log consumer');
  const handles = (event: BusinessEvent) => (consumer.types as readonly string[]).includes(event.type);
  let queue = events.filter(handles);
  let applied = 0;
  while (queue.length > 0) {
    const emitted: BusinessEvent[] = [];
    for (let from = 0; from < queue.length; from += CHUNK) {
      const chunk = queue.slice(from, from + CHUNK);
      await db.transaction(async (tx) => {
        const claimed = await tx.query<{ event_id: string }>(
          `INSERT INTO processed_events (consumer, event_id) SELECT $1, unnest($2::text[])
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [consumer.name, chunk.map((event) => event.id)],
        );
        const fresh = new Set(claimed.map((row) => row.event_id));
        for (const event of chunk) {
          if (!fresh.has(event.id)) continue;
          const send = emitter(tx, { source: 'ops', correlationId: event.correlationId, causationId: event.id });
          const emit: Emit = async (draft) => {
            const sent = await send(draft);
            emitted.push(sent);
            return sent;
          };
          await consumer.handle(tx, parseEvent(event), emit);
        }
      });
      applied += chunk.length;
      onProgress?.(applied);
    }
    queue = emitted.filter(handles);
  }
  await db.query('UPDATE outbox SET published_at = coalesce(published_at, now()), settled_at = coalesce(settled_at, now()) WHERE settled_at IS NULL');
  return applied;
}
