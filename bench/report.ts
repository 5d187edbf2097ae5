/** The results of one `npm run bench`: a Markdown table per workload, targets with PASS/MISS, and JSON. */

export interface Measurement {
  workload: string;
  size: string;
  gateway: string;
  label: string;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number };
  errors: number;
  wrongAnswers: number;
  subgraphRequestsPerOperation: number;
  gatewayRssMiB: number;
  /** requests/s divided by plain @apollo/gateway's in the same workload and size. */
  ratioToApollo?: number;
}

/** Subgraph requests of one customersPage operation at a page size, on a quiet gateway. */
export interface PageProbe {
  gateway: string;
  size: string;
  first: number;
  perOperation: number;
}

export interface FanoutResult {
  gateway: string;
  subscribers: number;
  customers: number;
  /** From the first subscribe to the gateway reporting every subscription streaming. */
  streamingAfterMs: number;
  payments: number;
  paymentErrors: number;
  expectedDeliveries: number;
  delivered: number;
  /** Expected deliveries that had not arrived when the drain after the last payment ended. */
  lost: number;
  duplicates: number;
  unexpected: number;
  latencyMs: { p50: string; p99: string; max?: string };
  /** Peak of the gateway's /metrics process_resident_memory_bytes during the run. */
  gatewayRssMiB: number;
}

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: string;
  options: Record<string, unknown>;
  measurements: Measurement[];
  pageProbes: PageProbe[];
  fanout: FanoutResult[];
  targets: Target[];
  notes: string[];
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function toMarkdown(report: BenchReport): string {
  const lines = [
    `# Benchmark ${report.startedAt}`,
    '',
    `Machine: ${report.machine}. Options: \`${JSON.stringify(report.options)}\`. Finished ${report.finishedAt}.`,
    '',
  ];
  const groups = new Map<string, Measurement[]>();
  for (const m of report.measurements) groups.set(`${m.workload} (size ${m.size})`, [...(groups.get(`${m.workload} (size ${m.size})`) ?? []), m]);
  for (const [title, rows] of groups) {
    lines.push(`## ${title}`, '', '| gateway | req/s | p50 ms | p95 ms | p99 ms | errors | subgraph req/op | × apollo | RSS MiB |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const m of rows) {
      lines.push(
        `| ${m.label} | ${fixed(m.rps)} | ${fixed(m.latencyMs.p50)} | ${fixed(m.latencyMs.p95)} | ${fixed(m.latencyMs.p99)} | ${m.errors}${m.wrongAnswers ? ` (${m.wrongAnswers} wrong)` : ''} | ${fixed(m.subgraphRequestsPerOperation, 2)} | ${m.ratioToApollo === undefined ? '' : `${fixed(m.ratioToApollo, 2)}×`} | ${m.gatewayRssMiB} |`,
      );
    }
    lines.push('');
  }
  const ratioed = report.measurements.filter((m) => m.ratioToApollo !== undefined);
  if (ratioed.length > 0) {
    const columns = [...new Set(ratioed.map((m) => `${m.workload}${m.size === '-' ? '' : ` ${m.size}`}`))];
    lines.push('## Requests/s as a multiple of plain @apollo/gateway', '', `| gateway | ${columns.join(' | ')} |`, `| --- |${columns.map(() => ' ---: |').join('')}`);
    for (const label of new Set(ratioed.map((m) => m.label))) {
      const cells = columns.map((column) => ratioed.find((m) => m.label === label && `${m.workload}${m.size === '-' ? '' : ` ${m.size}`}` === column)?.ratioToApollo);
      lines.push(`| ${label} | ${cells.map((ratio) => (ratio === undefined ? '' : `${fixed(ratio, 2)}×`)).join(' | ')} |`);
    }
    lines.push('');
  }
  if (report.pageProbes.length > 0) {
    const firsts = [...new Set(report.pageProbes.map((p) => p.first))];
    lines.push('## customersPage: subgraph requests per operation by page size', '', `| gateway | size | ${firsts.map((f) => `first ${f}`).join(' | ')} |`, `| --- | --- |${firsts.map(() => ' ---: |').join('')}`);
    const rows = new Map<string, PageProbe[]>();
    for (const p of report.pageProbes) rows.set(`${p.gateway} | ${p.size}`, [...(rows.get(`${p.gateway} | ${p.size}`) ?? []), p]);
    for (const [key, probes] of rows) lines.push(`| ${key} | ${firsts.map((f) => fixed(probes.find((p) => p.first === f)?.perOperation ?? NaN, 2)).join(' | ')} |`);
    lines.push('');
  }
  if (report.fanout.length > 0) {
    lines.push(
      '## fanout',
      '',
      '| gateway | subscribers | customers | all streaming after s | payments (errors) | expected | delivered | lost | duplicates | unexpected | p50 ms | p99 ms | max ms | peak RSS MiB |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const f of report.fanout) {
      lines.push(
        `| ${f.gateway} | ${f.subscribers} | ${f.customers} | ${fixed(f.streamingAfterMs / 1000)} | ${f.payments} (${f.paymentErrors}) | ${f.expectedDeliveries} | ${f.delivered} | ${f.lost} | ${f.duplicates} | ${f.unexpected} | ${f.latencyMs.p50} | ${f.latencyMs.p99} | ${f.latencyMs.max ?? 'n/a'} | ${f.gatewayRssMiB} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Targets', '', '| target | result | measured |', '| --- | --- | --- |');
  for (const target of report.targets) lines.push(`| ${target.name} | ${target.pass ? 'PASS' : 'MISS'} | ${target.detail} |`);
  lines.push('', '## Notes', '', ...report.notes.map((note) => `- ${note}`), '');
  return lines.join('\n');
}

/** The issue's targets, judged on this run's measurements; a target whose inputs did not run is left out. */
export function judgeTargets(measurements: Measurement[], fanout: FanoutResult[], pageProbes: PageProbe[], sizes: string[]): Target[] {
  const targets: Target[] = [];
  const find = (workload: string, gateway: string, size: string) => measurements.find((m) => m.workload === workload && m.gateway === gateway && m.size === size);
  const ratio = (a: Measurement | undefined, b: Measurement | undefined) => (a && b ? a.rps / b.rps : undefined);
  const add = (name: string, value: number | undefined, pass: (value: number) => boolean, detail: (value: number) => string) => {
    if (value !== undefined && Number.isFinite(value)) targets.push({ name, pass: pass(value), detail: detail(value) });
  };

  const anchor = (gateway: string) => find('anchor', gateway, '-');
  const bestHive = (suffix: string) =>
    [anchor(`hive-gateway${suffix}`), anchor(`hive-gateway-router-runtime${suffix}`)].filter((m): m is Measurement => !!m).sort((a, b) => b.rps - a.rps)[0];
  add('anchor: ours ≥ 1.25× best Hive variant, dedup on', ratio(anchor('ours'), bestHive('')), (r) => r >= 1.25, (r) => `${r.toFixed(2)}× (vs ${bestHive('')?.label})`);
  add('anchor: ours ≥ 1.25× best Hive variant, dedup off', ratio(anchor('ours-nodedup'), bestHive('-nodedup')), (r) => r >= 1.25, (r) => `${r.toFixed(2)}× (vs ${bestHive('-nodedup')?.label})`);
  add('anchor: ours ≥ 5× plain @apollo/gateway, dedup off', ratio(anchor('ours-nodedup'), anchor('apollo-gateway')), (r) => r >= 5, (r) => `${r.toFixed(2)}×`);
  const oursAnchor = measurements.filter((m) => m.workload === 'anchor' && m.gateway.startsWith('ours'));
  if (oursAnchor.length > 0) {
    const errors = oursAnchor.reduce((sum, m) => sum + m.errors, 0);
    targets.push({ name: 'anchor: ours with zero errors', pass: errors === 0, detail: `${errors} errors` });
  }
  for (const workload of ['customer360', 'customersPage']) {
    for (const size of sizes) {
      add(`${workload} (${size}): ours ≥ 2× plain @apollo/gateway`, ratio(find(workload, 'ours', size), find(workload, 'apollo-gateway', size)), (r) => r >= 2, (r) => `${r.toFixed(2)}×`);
      const ours = find(workload, 'ours', size);
      const floor = find(workload, 'sql-floor', size);
      add(`${workload} (${size}): ours p50 ≤ 3× SQL floor`, ours && floor ? ours.latencyMs.p50 / floor.latencyMs.p50 : undefined, (r) => r <= 3, (r) => `${r.toFixed(2)}× (${ours!.latencyMs.p50.toFixed(1)} vs ${floor!.latencyMs.p50.toFixed(1)} ms)`);
    }
    const perOp = measurements.filter((m) => m.workload === workload && m.gateway === 'ours').map((m) => m.subgraphRequestsPerOperation);
    if (perOp.length > 1) {
      const spread = Math.max(...perOp) - Math.min(...perOp);
      targets.push({ name: `${workload}: ours' subgraph requests per operation constant across data sizes`, pass: spread < 0.5, detail: perOp.map((n) => n.toFixed(2)).join(' / ') });
    }
  }
  const oursPages = pageProbes.filter((p) => p.gateway === 'ours');
  if (oursPages.length > 1) {
    const counts = oursPages.map((p) => p.perOperation);
    targets.push({
      name: "customersPage: ours' subgraph requests per operation constant across page sizes",
      pass: Math.max(...counts) - Math.min(...counts) < 0.5,
      detail: oursPages.map((p) => `${p.size}/${p.first}: ${p.perOperation.toFixed(2)}`).join(', '),
    });
  }
  const small = find('customer360', 'ours', sizes[0]);
  const large = find('customer360', 'ours', sizes.at(-1)!);
  if (small && large && small !== large) {
    add(`customer360: ours p50 at ${large.size} within 1.5× of ${small.size}`, large.latencyMs.p50 / small.latencyMs.p50, (r) => r <= 1.5, (r) => `${r.toFixed(2)}× (${large.latencyMs.p50.toFixed(1)} vs ${small.latencyMs.p50.toFixed(1)} ms)`);
  }
  for (const f of fanout) {
    const p99 = Number(f.latencyMs.p99);
    targets.push({ name: `fanout (${f.gateway}): p99 < 250 ms, zero lost`, pass: p99 < 250 && f.lost === 0, detail: `p99 ${f.latencyMs.p99} ms, ${f.lost} of ${f.expectedDeliveries} lost, ${f.subscribers} subscribers, gateway peak RSS ${f.gatewayRssMiB} MiB` });
  }
  return targets;
}
