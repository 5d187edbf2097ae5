// Prometheus metrics, with prom-client: the registry every service serves on `GET /metrics` and
// the few helpers its modules register their metrics with. A module that keeps a figure for
// itself (a count, a set of open connections) registers a metric whose `collect()` reads it at
// scrape time; one that measures something new (a latency) owns a prom-client metric outright.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type LabelValues } from 'prom-client';

export { Counter, Gauge, Histogram, Registry };

/**
 * Latency buckets in seconds, for every duration histogram of the hub: from a cached answer
 * (a few ms) to the gateway's request timeout (10 s by default).
 */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The label value a bounded label takes for values past its limit. */
export const OTHER = '(other)';

let processMetrics: Registry | undefined;

/**
 * The registry of one service (`service` is its name, a default label on every series). The
 * distributed deployment runs one service per process, so one registry per process; the embedded
 * default runs them all in one process, each on its own port with its own registry, so a scrape
 * of one port never counts another service's figures. prom-client's global registry is not used:
 * tests start many hubs in one process, and each gets registries of its own.
 *
 * Process metrics (`collectDefaultMetrics`: memory, CPU, event-loop lag, GC) are made once per
 * process and registered on every service's registry.
 */
export function createRegistry(service: string): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // (getMetricsAsArray is typed as the metrics' JSON; getSingleMetric gives the metric itself.)
  for (const { name } of processMetrics.getMetricsAsArray()) registry.registerMetric(processMetrics.getSingleMetric(name)!);
  return registry;
}

/** A mirrored metric's series at scrape time: one value, or one per label set. */
export type ReadSeries<L extends string> = () => number | Iterable<readonly [LabelValues<L>, number]> | Promise<number | Iterable<readonly [LabelValues<L>, number]>>;

interface Mirrored<L extends string> {
  registry: Registry;
  name: string;
  help: string;
  labelNames?: readonly L[];
  read: ReadSeries<L>;
}

/**
 * The options of a mirrored metric: its `collect()` reads the figures and puts them in place of
 * the last ones. After a reset, `inc` puts a value on a gauge and on a counter alike.
 */
function mirrored<L extends string>({ registry, name, help, labelNames = [], read }: Mirrored<L>) {
  return {
    name,
    help,
    labelNames,
    registers: [registry],
    async collect(this: Counter<L> | Gauge<L>) {
      const value = await read();
      this.reset();
      if (typeof value === 'number') this.inc(value);
      else for (const [labels, figure] of value) this.inc(labels, figure);
    },
  };
}

/** A counter whose value is kept elsewhere (a module's own count since start), read at each scrape. */
export function mirroredCounter<L extends string = never>(options: Mirrored<L>): Counter<L> {
  return new Counter<L>(mirrored(options));
}

/** A gauge read at each scrape; label sets no longer read are dropped. */
export function mirroredGauge<L extends string = never>(options: Mirrored<L>): Gauge<L> {
  return new Gauge<L>(mirrored(options));
}

/**
 * Keeps a label's values to the first `max` distinct ones seen; later ones become `(other)`, so a
 * client choosing names (operation names, error codes of a foreign subgraph) cannot grow the
 * number of series without end.
 */
export function boundedLabel(max: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return OTHER;
    seen.add(value);
    return value;
  };
}

/**
 * `work` shared by every caller while it runs: the gauges of one scrape are collected at once and
 * read the same figures, computed once.
 */
export function sharedWhileRunning<T>(work: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => (running ??= work().finally(() => (running = undefined)));
}
