/**
 * When the outbox may stop caring about an event: the rule that decides, from what the stream
 * says of its consumer groups, whether an event the relay published is settled (every group
 * acknowledged it), still pending, or lost with the stream (and must be published again).
 */
import { comparePositions } from './live.ts';
import type { Settlement } from './stream.ts';

/** How far one consumer group got: the last entry delivered to it and the oldest it has not acknowledged. */
export interface GroupProgress {
  name: string;
  /** The last position delivered to the group; every later entry it has not seen. */
  lastDelivered: string;
  /** The oldest delivered position it has not acknowledged, or null when it acknowledged all it got. */
  oldestPending: string | null;
}

/**
 * Where an event stands. `stored` says whether the stream still holds this very event at
 * `position` (not another one: a stream started over reuses positions). An event the stream
 * lost is `lost` unless every group had acknowledged it already, which the caller knew then and
 * recorded (settled rows are not asked about again); so lost means "publish it again".
 *
 * A group acknowledged the event when it was delivered (at or before `lastDelivered`) and is not
 * pending: before the oldest pending entry. (A later pending-free gap counts as not yet: the
 * stream only says where the oldest pending entry is, and waiting is safe.) A group of
 * `expectedGroups` missing from `groups` has acknowledged nothing: a group that vanished with a
 * reset must be made again and catch up before anything it had not acknowledged is settled.
 */
export function settlementOf(stored: boolean, position: string, groups: readonly GroupProgress[], expectedGroups: readonly string[]): Settlement {
  if (!stored) return 'lost';
  const present = new Set(groups.map((group) => group.name));
  if (expectedGroups.some((name) => !present.has(name))) return 'pending';
  const acknowledged = groups.every(
    (group) => comparePositions(position, group.lastDelivered) <= 0 && (group.oldestPending === null || comparePositions(position, group.oldestPending) < 0),
  );
  return acknowledged ? 'settled' : 'pending';
}
