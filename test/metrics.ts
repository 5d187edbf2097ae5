/**
 * Reading a `/metrics` body in tests and benchmarks, with a Prometheus text-format parser: series
 * are picked by name and by the labels a selector gives, whatever other labels they carry (every
 * series has a `service` label) and in whatever order.
 */
import parsePrometheusTextFormat, { type MetricFamily, type Sample } from 'parse-prometheus-text-format';

export type { MetricFamily, Sample };

/**
 * Every metric family of a `/metrics` body. The parser merges every series of a labelled
 * histogram into one and drops their sums and counts (yunyu/parse-prometheus-text-format#8, #13,
 * open since 2019), so histograms are parsed untyped, as their `_bucket`, `_sum` and `_count`
 * series, and put back together here by their labels.
 */
export function parseMetrics(body: string): MetricFamily[] {
  const histograms = new Map<string, { help: string; series: Map<string, Sample> }>();
  const text = body
    .split('\n')
    .filter((line) => {
      const match = /^# TYPE (\S+) histogram$/.exec(line);
      if (match) histograms.set(match[1]!, { help: '', series: new Map() });
      return !match;
    })
    .join('\n');
  const families: MetricFamily[] = [];
  for (const family of parsePrometheusTextFormat(text)) {
    // A histogram's own name has only its HELP line.
    const named = histograms.get(family.name);
    if (named) {
      named.help = family.help;
      continue;
    }
    const [, name, part] = /^(.*)_(bucket|sum|count)$/.exec(family.name) ?? [];
    const histogram = name === undefined ? undefined : histograms.get(name);
    if (!histogram) {
      families.push(family);
      continue;
    }
    for (const sample of family.metrics) {
      const { le, ...labels } = sample.labels ?? {};
      const key = JSON.stringify(Object.entries(labels).sort());
      const series = histogram.series.get(key) ?? { labels, buckets: {} };
      histogram.series.set(key, series);
      if (part === 'bucket' && le !== undefined) series.buckets![le] = sample.value!;
      else if (part === 'sum') series.sum = sample.value;
      else if (part === 'count') series.count = sample.value;
    }
  }
  for (const [name, { help, series }] of histograms) families.push({ name, help, type: 'HISTOGRAM', metrics: [...series.values()] });
  return families;
}

/** One family by name; throws when the body has none. */
export function metricFamily(body: string | MetricFamily[], name: string): MetricFamily {
  const family = (typeof body === 'string' ? parseMetrics(body) : body).find((candidate) => candidate.name === name);
  if (!family) throw new Error(`metric ${name} not found`);
  return family;
}

/** The series of a family that carry every label of `labels`. */
export function samples(family: MetricFamily, labels: Record<string, string> = {}): Sample[] {
  return family.metrics.filter((sample) => Object.entries(labels).every(([label, value]) => sample.labels?.[label] === value));
}

/** `name{a="x",b="y"}` → its name and labels. */
function selector(text: string): { name: string; labels: Record<string, string> } {
  const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?$/.exec(text);
  if (!match) throw new Error(`not a metric selector: ${text}`);
  const labels: Record<string, string> = {};
  for (const [, label, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[label!] = JSON.parse(`"${value}"`) as string;
  return { name: match[1]!, labels };
}

/**
 * A counter's or gauge's value, selected as `name` or `name{label="value",…}`: the sum over the
 * series that carry those labels (one series when the selector names them all). Throws when the
 * body has no such series.
 */
export function readMetric(body: string, text: string): number {
  const { name, labels } = selector(text);
  const picked = samples(metricFamily(body, name), labels);
  if (picked.length === 0) throw new Error(`metric ${text} not found`);
  return picked.reduce((sum, sample) => sum + Number(sample.value), 0);
}
