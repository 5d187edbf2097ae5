// The ops subgraph's business gauges on its `/metrics`: the figures of `operationsHealth`, read by
// calling it at each scrape, so the graph and the metrics can never tell two stories.
import type { Queryable } from '../../platform/db/db.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { mirroredGauge, sharedWhileRunning, type ReadSeries, type Registry } from '../../platform/metrics.ts';
import { operationsHealth } from './health.ts';

/** Registers the gauges; every one of a scrape reads the same `operationsHealth` answer, computed once. */
export function registerOpsMetrics(registry: Registry, db: Queryable, stream: EventStream): void {
  const health = sharedWhileRunning(() => operationsHealth(db, stream));
  const gauge = <L extends string = never>(name: string, help: string, read: ReadSeries<L>, labelNames: readonly L[] = []) =>
    mirroredGauge<L>({ registry, name, help, labelNames, read });
  gauge('hub_invoices_awaiting_posting', 'Invoices issued whose latest posting outcome is not a posting (awaiting erp, or rejected).', async () => (await health()).invoicesAwaitingPosting);
  gauge('hub_invoice_posting_latency_p95_seconds', '95th percentile of seconds from invoice issued to posted, over the last 24 hours.', async () => (await health()).postingLatencySeconds);
  gauge('hub_open_exceptions', 'Exceptions still open, by owning team.', async () => (await health()).exceptionsByOwner.map(({ owner, open }) => [{ owner }, open] as const), ['owner']);
  gauge(
    'hub_oldest_open_exception_age_seconds',
    "Seconds each team's oldest open exception has been open.",
    async () => (await health()).exceptionsByOwner.map(({ owner, oldestAgeSeconds }) => [{ owner }, oldestAgeSeconds] as const),
    ['owner'],
  );
  gauge('hub_workflow_runs', 'Workflow runs by kind and state.', async () => (await health()).workflowRuns.map(({ kind, state, count }) => [{ kind, state }, count] as const), ['kind', 'state']);
  gauge('hub_dead_letters', 'Dead letters not replayed yet.', async () => (await health()).deadLetters);
  gauge('hub_open_differences', 'Differences between the systems that reconciliation found and are still open.', async () => (await health()).openDifferences);
  gauge(
    'hub_event_consumer_lag_seconds',
    "Age of each consumer group's oldest unprocessed event; 0 when it is caught up.",
    async () => (await health()).syncLag.map(({ consumer, lagSeconds }) => [{ consumer }, lagSeconds] as const),
    ['consumer'],
  );
  gauge(
    'hub_event_consumer_pending_events',
    'Events each consumer group has not processed yet.',
    async () => (await health()).syncLag.map(({ consumer, pending }) => [{ consumer }, pending] as const),
    ['consumer'],
  );
}
