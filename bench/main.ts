/**
 * `npm run bench`: every workload against every gateway in one run, on the same subgraphs and data,
 * gateways alternated round-robin (warm-up before each measurement, one gateway under load at a
 * time); writes bench/results/<date>.md and .json. Options: bench/README.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { parseAnchorMetrics, SUBGRAPH_NAMES } from './anchor/subgraphs.ts';
import { ANCHOR_QUERY, anchorSupergraph, isAnchorAnswer } from './anchor/workload.ts';
import { BASELINE, GATEWAYS, type Gateway, type GatewayContext, type Phase, type RunningGateway } from './gateways.ts';
import { SIZES, startBenchHub, type BenchHub, type Size } from './hub.ts';
import { runLoad, sendOne } from './load.ts';
import { CUSTOMER_VIEW_WITHOUT_DEFERRED, DEFERRED_CUSTOMER_VIEW, runTimedLoad } from './defer.ts';
import { measureMemory, type MemoryResult } from './memory.ts';
import { checkMercurius } from './mercurius.ts';
import { freePort, ROOT, spawnNode } from './processes.ts';
import { judgeTargets, latestFullRun, toMarkdown, type BenchReport, type DeferMeasurement, type FanoutResult, type Measurement, type PageProbe } from './report.ts';
import { withoutSecurityPurpose, withSubgraphUrls } from './supergraph.ts';
import { mintTokens } from './tokens.ts';
import { customersPageBody, WORKLOADS, type HubData, type Workload } from './workloads.ts';
import { readMetric } from '../test/metrics.ts';

const { values } = parseArgs({
  options: {
    workloads: { type: 'string', default: 'anchor,customer360,customer360Warm,customer360Mixed,customersPage,overdueInvoices,recordPayment,deferredCustomerView,fanout,memory' },
    gateways: { type: 'string', default: GATEWAYS.map((gateway) => gateway.id).join(',') },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    sizes: { type: 'string', default: 'S,L' },
    rounds: { type: 'string', default: '1' },
    'fanout-subscribers': { type: 'string', default: '5000' },
    'fanout-customers': { type: 'string', default: '500' },
    'fanout-rate': { type: 'string', default: '100' },
    'fanout-seconds': { type: 'string', default: '10' },
    'fanout-transports': { type: 'string', default: 'graphql-ws,sse,multipart' },
    'memory-runs': { type: 'string', default: '5' },
    'memory-customers': { type: 'string', default: '200' },
    'memory-queries': { type: 'string', default: '300' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(readFileSync(join(ROOT, 'bench', 'README.md'), 'utf8'));
  process.exit(0);
}

/** Requests sent one at a time to count subgraph requests per operation. */
const PROBES = 3;
const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
const workloadNames = list(values.workloads);
const gatewayIds = list(values.gateways);
const sizes = list(values.sizes).map((size) => size.toUpperCase()) as Size[];
const seconds = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
/** Workloads with their own measurement rather than a closed loop of one request (see below). */
const SPECIAL_WORKLOADS = ['deferredCustomerView', 'fanout', 'memory'];
for (const name of workloadNames) if (!SPECIAL_WORKLOADS.includes(name) && !WORKLOADS.some((w) => w.name === name)) throw new Error(`unknown workload ${name}`);
for (const id of gatewayIds) if (!GATEWAYS.some((g) => g.id === id)) throw new Error(`unknown gateway ${id} (known: ${GATEWAYS.map((g) => g.id).join(', ')})`);
for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size} (S, M or L)`);
if (![seconds, warmup, connections, rounds].every((n) => Number.isFinite(n) && n >= 0) || seconds <= 0 || connections <= 0 || rounds <= 0) {
  throw new Error('--duration, --connections and --rounds must be positive numbers, --warmup at least 0');
}

const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/:/g, '-').replace(/\..*/, '');
const runDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
const logDir = join(runDir, 'logs');
mkdirSync(logDir, { recursive: true });
const dataDir = join(ROOT, 'bench', '.data');
mkdirSync(dataDir, { recursive: true });
const tokens = await mintTokens(dataDir);
const notes: string[] = [`Logs of every process: ${logDir}.`];
const measurements: Measurement[] = [];
const fanout: FanoutResult[] = [];
const deferred: DeferMeasurement[] = [];
let memory: MemoryResult | undefined;
/** customersPage at several page sizes, counted on a quiet gateway. */
const pageProbes: PageProbe[] = [];
const PAGE_SIZES = [10, 50, 100];

const workloads = WORKLOADS.filter((w) => workloadNames.includes(w.name));
const gateways = GATEWAYS.filter((g) => gatewayIds.includes(g.id));
const gatewaysFor = (workload: Workload) =>
  gateways.filter((g) => g.phases.includes(workload.phase) && (!g.workloads || g.workloads.includes(workload.name)) && (!workload.gateways || workload.gateways.includes(g.id)));

// Plan: anchor once; hub workloads at the first size, customer360 (cold and warm) and customersPage at every size.
const hubPlan = sizes.map((size, index) => ({ size, workloads: workloads.filter((w) => w.phase === 'hub' && (index === 0 || ['customer360', 'customer360Warm', 'customersPage'].includes(w.name))) }));
const anchorWorkloads = workloads.filter((w) => w.phase === 'anchor');
/** The deferred customer view runs at the first size, on every hub gateway but the SQL floor (which has no @defer to answer). */
const withDeferred = workloadNames.includes('deferredCustomerView');
const deferredGateways = gateways.filter((g) => g.phases.includes('hub') && g.id !== 'sql-floor');
const steps =
  rounds * (anchorWorkloads.reduce((n, w) => n + gatewaysFor(w).length, 0) + hubPlan.reduce((n, p) => n + p.workloads.reduce((m, w) => m + gatewaysFor(w).length, 0), 0)) +
  (withDeferred ? deferredGateways.length : 0) +
  (workloadNames.includes('fanout') ? 1 : 0) +
  (workloadNames.includes('memory') ? 1 : 0);
const bar = new cliProgress.SingleBar(
  // Without a terminal (CI, a log file) it prints a line every 5 s instead of redrawing.
  { format: 'bench [{bar}] {value}/{total} | {step}', hideCursor: true, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 5000 },
  cliProgress.Presets.shades_classic,
);
bar.start(steps, 0, { step: 'starting' });
const say = (line: string) => bar.update({ step: line });

/** Starts the phase's gateways one after another; they idle while another is under load. */
async function startGateways(phase: Phase, context: GatewayContext): Promise<Map<string, RunningGateway>> {
  const running = new Map<string, RunningGateway>();
  for (const gateway of gateways.filter((g) => g.phases.includes(phase))) {
    say(`starting ${gateway.id}`);
    try {
      running.set(gateway.id, await gateway.start(context));
    } catch (error) {
      notes.push(`${gateway.label} did not start (${phase}): ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return running;
}

/** Measures `workload` on each gateway, round-robin: each round starts one gateway later. */
async function measure(workload: Workload, size: string, running: Map<string, RunningGateway>, data: HubData | undefined, subgraphRequests: () => Promise<number>) {
  const order = gatewaysFor(workload);
  const perGateway = new Map<Gateway, Measurement[]>();
  for (let round = 0; round < rounds; round++) {
    const shift = (round + measurements.length) % Math.max(order.length, 1);
    for (const gateway of [...order.slice(shift), ...order.slice(0, shift)]) {
      bar.increment({ step: `${workload.name}${size === '-' ? '' : ` ${size}`} · ${gateway.id}` });
      const target = running.get(gateway.id);
      if (!target) continue;
      const spec = { url: target.url, connections, headers: target.headers, body: workload.body(data), check: workload.check };
      if (workload.warmingRequests) await sendEach({ ...spec, bodies: workload.warmingRequests(data!) });
      else if (warmup > 0) await runLoad({ ...spec, seconds: warmup });
      await settle(spec, subgraphRequests);
      const cacheBefore = await cacheCounters(target.url);
      const cpuBefore = target.process.cpuSeconds();
      const result = await runLoad({ ...spec, seconds });
      const cacheAfter = await cacheCounters(target.url);
      if (cacheBefore && cacheAfter) notes.push(cacheNote(`${workload.name} ${size} · ${gateway.id}`, cacheBefore, cacheAfter));
      const cpuSeconds = target.process.cpuSeconds() - cpuBefore;
      await settle(spec, subgraphRequests);
      const perOperation = await requestsPerOperation(spec, subgraphRequests);
      perGateway.set(gateway, [
        ...(perGateway.get(gateway) ?? []),
        {
          workload: workload.name,
          size,
          gateway: gateway.id,
          label: gateway.label,
          rps: result.rps,
          latencyMs: result.latencyMs,
          errors: result.errors,
          wrongAnswers: result.wrongAnswers,
          subgraphRequestsPerOperation: gateway.id === 'sql-floor' ? 0 : perOperation,
          gatewayRssMiB: target.process.rssMiB(),
          gatewayCpuMsPerOperation: result.requests > 0 ? (cpuSeconds * 1000) / result.requests : NaN,
        },
      ]);
    }
  }
  const rows = [...perGateway.values()].map(average);
  const baseline = rows.find((row) => row.gateway === BASELINE);
  for (const row of rows) measurements.push(baseline && baseline.rps > 0 ? { ...row, ratioToApollo: row.rps / baseline.rps } : row);
}

/** Sends each body once, `connections` at a time. */
async function sendEach(spec: { url: string; headers?: Record<string, string>; connections: number; bodies: string[] }): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < spec.bodies.length) await sendOne({ ...spec, body: spec.bodies[next++]! });
  };
  await Promise.all(Array.from({ length: spec.connections }, worker));
}

/** Our gateway's entity cache counters (`/metrics`), or undefined for a gateway without one. */
async function cacheCounters(graphqlUrl: string): Promise<Record<string, number> | undefined> {
  const text = await fetch(new URL('/metrics', graphqlUrl))
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '');
  if (!text.includes('gateway_entity_cache_hits_total')) return undefined;
  const names = ['hits_total', 'misses_total', 'stale_served_total', 'bytes', 'entries'];
  return Object.fromEntries(names.map((name) => [name, readMetric(text, `gateway_entity_cache_${name}`)]));
}

/** One line of the report's notes: the cache's hit ratio, stale entries found and memory over one measurement. */
function cacheNote(what: string, before: Record<string, number>, after: Record<string, number>): string {
  const hits = after.hits_total! - before.hits_total!;
  const lookups = hits + after.misses_total! - before.misses_total!;
  const memory = after.entries! > 0 ? `, ${after.entries} entries in ${(after.bytes! / 2 ** 20).toFixed(1)} MiB in process` : ' (entries in Redis)';
  return `entity cache, ${what}: hit ratio ${lookups > 0 ? ((100 * hits) / lookups).toFixed(1) : '-'}% of ${lookups} lookups, stale served ${after.stale_served_total! - before.stale_served_total!}${memory}.`;
}

/**
 * Subgraph requests per operation, counted on a quiet gateway: what one operation costs by itself
 * (under load, requests in flight at either end of a window would skew the count).
 */
async function requestsPerOperation(spec: Parameters<typeof sendOne>[0], subgraphRequests: () => Promise<number>): Promise<number> {
  const before = await subgraphRequests();
  for (let probe = 0; probe < PROBES; probe++) await sendOne(spec);
  return ((await subgraphRequests()) - before) / PROBES;
}

/**
 * Waits until the gateway is idle: requests the load generator gave up on at the end of a run are
 * still being served, so one more request is answered and the subgraphs' counter stops moving.
 */
async function settle(spec: Parameters<typeof sendOne>[0], subgraphRequests: () => Promise<number>) {
  await sendOne(spec);
  const deadline = Date.now() + 30_000;
  for (let last = await subgraphRequests(); Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 750));
    const now = await subgraphRequests();
    if (now === last) return;
    last = now;
  }
}

function average(rows: Measurement[]): Measurement {
  const mean = (pick: (m: Measurement) => number) => rows.reduce((sum, m) => sum + pick(m), 0) / rows.length;
  return {
    ...rows[0],
    rps: mean((m) => m.rps),
    latencyMs: { p50: mean((m) => m.latencyMs.p50), p95: mean((m) => m.latencyMs.p95), p99: mean((m) => m.latencyMs.p99) },
    errors: rows.reduce((sum, m) => sum + m.errors, 0),
    wrongAnswers: rows.reduce((sum, m) => sum + m.wrongAnswers, 0),
    subgraphRequestsPerOperation: mean((m) => m.subgraphRequestsPerOperation),
    gatewayRssMiB: Math.max(...rows.map((m) => m.gatewayRssMiB)),
    gatewayCpuMsPerOperation: mean((m) => m.gatewayCpuMsPerOperation),
  };
}

/**
 * The deferred customer view on each gateway: warm-up, then the deferred query (time to first and
 * last part), then the same query without the deferred fields (time to the whole response), each
 * closed-loop over `connections` (its saturation); then both again at one offered rate, half the
 * lower of the two throughputs, where time to the first part is the latency @defer promises.
 */
async function measureDeferred(size: string, running: Map<string, RunningGateway>, data: HubData) {
  for (const gateway of deferredGateways) {
    bar.increment({ step: `deferredCustomerView ${size} · ${gateway.id}` });
    const target = running.get(gateway.id);
    if (!target) continue;
    const load = (query: string, duration: number, rate?: number) =>
      runTimedLoad({ url: target.url, headers: target.headers, connections, seconds: duration, rate, body: () => JSON.stringify({ query, variables: { id: data.customerIds[Math.floor(Math.random() * data.customerIds.length)] } }) });
    if (warmup > 0) await load(DEFERRED_CUSTOMER_VIEW, warmup);
    const result = await load(DEFERRED_CUSTOMER_VIEW, seconds);
    if (warmup > 0) await load(CUSTOMER_VIEW_WITHOUT_DEFERRED, warmup);
    const plain = await load(CUSTOMER_VIEW_WITHOUT_DEFERRED, seconds);
    const rate = Math.max(1, Math.floor(Math.min(result.rps, plain.rps) / 2));
    const atRate = { rate, deferred: await load(DEFERRED_CUSTOMER_VIEW, seconds, rate), withoutDeferred: await load(CUSTOMER_VIEW_WITHOUT_DEFERRED, seconds, rate) };
    deferred.push({ gateway: gateway.id, label: gateway.label, size, deferred: result, withoutDeferred: plain, atRate });
  }
}

async function stopAll(running: Map<string, RunningGateway>) {
  await Promise.all([...running.values()].map((gateway) => gateway.process.stop()));
}

/** The fan-out workload (bench/fanout.ts) against our gateway, the only one here that relays subscriptions: a result per transport. */
async function runFanout(gateway: RunningGateway): Promise<FanoutResult[]> {
  const args = ['--import', 'tsx', 'bench/fanout.ts', '--gateway-url', gateway.url];
  for (const option of ['subscribers', 'customers', 'rate', 'seconds', 'transports'] as const) args.push(`--${option}`, values[`fanout-${option}`]!);
  for (const [name, value] of Object.entries(gateway.headers)) args.push('--header', `${name}=${value}`);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  writeFileSync(join(logDir, 'fanout.log'), stdout + stderr);
  if (code !== 0) throw new Error(`fanout exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  return (JSON.parse(stdout.slice(stdout.indexOf('['))) as Omit<FanoutResult, 'gateway'>[]).map((result) => ({ gateway: 'ours', ...result }));
}

let failure: unknown;
try {
  if (anchorWorkloads.length > 0) {
    const port = await freePort();
    const anchorUrl = `http://127.0.0.1:${port}`;
    say('starting anchor subgraphs');
    const anchor = await spawnNode('anchor-subgraphs', {
      args: ['--import', 'tsx', 'bench/anchor/subgraphs.ts', '--port', String(port), '--host', '127.0.0.1'],
      logFile: join(logDir, 'anchor-subgraphs.log'),
      ready: async () => {
        if (!(await fetch(`${anchorUrl}/health`)).ok) throw new Error('not healthy');
      },
    });
    const supergraphPath = join(runDir, 'anchor-supergraph.graphql');
    writeFileSync(supergraphPath, anchorSupergraph(anchorUrl));
    const anchorServices = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `${anchorUrl}/${name}`]));
    notes.push(`@mercuriusjs/gateway on the anchor subgraphs: ${await checkMercurius(anchorServices, ANCHOR_QUERY, isAnchorAnswer)}`);
    const subgraphs = SUBGRAPH_NAMES.map((name) => ({ name, url: anchorServices[name], schemaPath: join(ROOT, 'bench', 'anchor', 'subgraphs', `${name}.graphql`) }));
    const running = await startGateways('anchor', { phase: 'anchor', supergraphPath, subgraphs, hubEnv: { LOG_LEVEL: 'warn', HUB_DATA_DIR: dataDir }, tokens, logDir });
    const anchorRequests = async () => Object.values(parseAnchorMetrics(await (await fetch(`${anchorUrl}/metrics`)).text())).reduce((a, b) => a + b, 0);
    try {
      for (const workload of anchorWorkloads) await measure(workload, '-', running, undefined, anchorRequests);
    } finally {
      await stopAll(running);
      await anchor.stop();
    }
  }
  for (const [index, { size, workloads: sizeWorkloads }] of hubPlan.entries()) {
    // At the largest size: the fan-out spreads its subscribers over 500 customers with an active subscription.
    const withFanout = index === hubPlan.length - 1 && workloadNames.includes('fanout');
    const deferredHere = index === 0 && withDeferred;
    if (sizeWorkloads.length === 0 && !withFanout && !deferredHere) continue;
    say(`hub subgraphs, size ${size}`);
    const hub: BenchHub = await startBenchHub({ size, postgresUrl: values['postgres-url']!, redisUrl: values['redis-url']!, dataDir, logDir }, say);
    // Stopped in the finally below, whatever fails after the subgraphs started.
    let running = new Map<string, RunningGateway>();
    try {
      const supergraphPath = join(runDir, `hub-supergraph-${size}.graphql`);
      const supergraph = withSubgraphUrls(readFileSync(join(ROOT, 'supergraph.graphql'), 'utf8'), (name) => hub.systems[name as keyof typeof hub.systems]?.url);
      writeFileSync(supergraphPath, withoutSecurityPurpose(supergraph));
      if (index === 0) notes.push(`@mercuriusjs/gateway on the hub's subgraphs: ${await checkMercurius(Object.fromEntries(Object.entries(hub.systems).map(([name, system]) => [name, system.url])))}`);
      const subgraphs = Object.entries(hub.systems).map(([name, system]) => ({ name, url: system.url, schemaPath: join(ROOT, 'subgraphs', name, 'schema.graphql') }));
      running = await startGateways('hub', { phase: 'hub', supergraphPath, subgraphs, systems: hub.systems, hubEnv: hub.env, tokens, logDir });
      for (const workload of sizeWorkloads) await measure(workload, size, running, hub.data, () => hub.subgraphRequests());
      if (deferredHere) await measureDeferred(size, running, hub.data);
      if (sizeWorkloads.some((w) => w.name === 'customersPage')) {
        for (const [id, gateway] of running) {
          if (id === 'sql-floor') continue;
          say(`customersPage page sizes ${size} · ${id}`);
          for (const first of PAGE_SIZES) {
            const perOperation = await requestsPerOperation({ url: gateway.url, headers: gateway.headers, body: customersPageBody(first) }, () => hub.subgraphRequests());
            pageProbes.push({ gateway: id, size, first, perOperation });
          }
        }
      }
      if (withFanout) {
        bar.increment({ step: 'fanout · ours' });
        const ours = running.get('ours');
        if (ours) {
          const results = await runFanout(ours);
          fanout.push(...results);
          const customers = results[0]?.customers ?? 0;
          if (customers < Number(values['fanout-customers'])) notes.push(`fanout: size ${size} has only ${customers} customers with an active subscription.`);
        }
        else notes.push('fanout did not run: our gateway is not among --gateways.');
      }
    } finally {
      await stopAll(running);
      await hub.close();
    }
  }
  if (fanout.length > 0) notes.push('fanout ran against our gateway only: plain @apollo/gateway does not relay subscriptions, and Hive Gateway is not set up for them here.');
  if (workloadNames.includes('memory')) {
    bar.increment({ step: 'memory · the embedded hub' });
    memory = await measureMemory({ runs: Number(values['memory-runs']), customers: Number(values['memory-customers']), queries: Number(values['memory-queries']), logDir, progress: say });
  }
} catch (error) {
  failure = error;
} finally {
  bar.stop();
}

const finishedAt = new Date();
const report: BenchReport = {
  startedAt: startedAt.toISOString(),
  finishedAt: finishedAt.toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  options: { workloads: workloadNames, gateways: gatewayIds, duration: seconds, warmup, connections, sizes, rounds },
  measurements,
  pageProbes,
  fanout,
  deferred,
  ...(memory ? { memory } : {}),
  targets: judgeTargets({ measurements, fanout, pageProbes, deferred, memory, previous: latestFullRun(values.out!), sizes }),
  notes: failure ? [...notes, `The run stopped early: ${(failure as Error).message}`] : notes,
};
mkdirSync(values.out!, { recursive: true });
const base = join(values.out!, stamp);
writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${base}.md`, toMarkdown(report));
console.log(toMarkdown(report));
console.log(`Wrote ${base}.md and ${base}.json in ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s.`);
process.exit(failure ? 1 : 0);
