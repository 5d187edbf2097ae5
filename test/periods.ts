// Accounting periods closed, locked and reopened through the gateway, for tests that post into a
// period that is not open.
import { graphql } from './generated/index.ts';
import { query } from './graphql.ts';

const ClosePeriod = graphql(/* GraphQL */ `
  mutation PeriodClose($id: String!) { closePeriod(id: $id) { status } }
`);

const LockPeriod = graphql(/* GraphQL */ `
  mutation PeriodLock($id: String!) { lockPeriod(id: $id) { status } }
`);

const ReopenPeriod = graphql(/* GraphQL */ `
  mutation PeriodReopen($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { status } }
`);

/** Closes the period `id` (`YYYY-MM`), or locks it. */
export async function closePeriod(url: string, id: string, status: 'CLOSED' | 'LOCKED' = 'CLOSED'): Promise<void> {
  await query(url, status === 'CLOSED' ? ClosePeriod : LockPeriod, { id });
}

/** Reopens the period `id`, closed or locked, for `reason`. */
export async function reopenPeriod(url: string, id: string, reason: string): Promise<void> {
  await query(url, ReopenPeriod, { id, reason });
}
