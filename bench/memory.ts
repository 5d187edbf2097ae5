/**
 * The embedded hub's memory: `npm start` as a user runs it (the start script's node flags, no
 * DATABASE_URL, a fresh data folder seeded with the default customers), measured from outside
 * through /proc after the start and seed, and again after a few hundred queries. Each run is a new
 * process on a new data folder.
 *
 *   node --import tsx bench/memory.ts --runs 5     # alone; `npm run bench -- --workloads memory` in the bench
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { envPrefix, SYSTEMS } from '../platform/config.ts';
import { freePort, ROOT, spawnNode } from './processes.ts';
import { mintTokens } from './tokens.ts';
import { CUSTOMER_360, CUSTOMERS_PAGE, OVERDUE_INVOICES } from './workloads.ts';

/** One sample of a process's memory, in MiB. */
export interface MemorySample {
  rss: number;
  /** Resident memory of the WebAssembly memories (the embedded PostgreSQL servers): the mappings of 4 GiB or more V8 reserves for each. */
  wasm: number;
  /** Anonymous resident memory outside them: the JavaScript heap, Node's and the libraries' native memory. */
  otherAnonymous: number;
  /** Resident file-backed memory: the node binary, shared libraries, mapped files. */
  file: number;
}

export interface MemoryRun {
  afterStart: MemorySample;
  afterQueries: MemorySample;
  /** The process's peak resident memory (VmHWM), in MiB. */
  peakRss: number;
  /** The peak of the hub's and its child processes' (the first-start seed's) resident memory added up while it starts, sampled every 100 ms, in MiB. */
  startPeakRss: number;
  startSeconds: number;
  /** How long the queries took, one after another. */
  queriesSeconds: number;
  queries: number;
  queryErrors: number;
  /** The first failed query's answer, to say why. */
  firstQueryError?: string;
}

export interface MemoryResult {
  command: string;
  customers: number;
  runs: MemoryRun[];
  /** Over the runs, in MiB. */
  rssAfterQueries: { median: number; max: number };
  peakRss: { median: number; max: number };
  startPeakRss: { median: number; max: number };
}

const MIB = 1024 * 1024;
/**
 * V8 places each WebAssembly memory at the start of a reservation of 8 GiB or more: its pages
 * (read-write) followed by an inaccessible guard region; nothing else in the process is laid out so.
 */
const WASM_RESERVATION_BYTES = 8 * 1024 * MIB;

interface Mapping {
  start: bigint;
  end: bigint;
  perms: string;
  anonymous: boolean;
  rss: number;
}

/** Reads /proc/<pid>/smaps: resident memory split into WebAssembly memories, other anonymous memory and files. */
export function sampleMemory(pid: number): MemorySample {
  const mappings: Mapping[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    // inode 0 with no path or a pseudo-path like [heap] or [anon:…]: anonymous memory.
    if (header) mappings.push({ start: BigInt(`0x${header[1]}`), end: BigInt(`0x${header[2]}`), perms: header[3], anonymous: header[4] === '0' || header[5].startsWith('['), rss: 0 });
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) mappings.at(-1)!.rss = Number(rss[1]) * 1024;
  }
  const sample = { rss: 0, wasm: 0, otherAnonymous: 0, file: 0 };
  for (const [index, mapping] of mappings.entries()) {
    const guard = mappings[index + 1];
    const wasm = mapping.perms.startsWith('rw') && guard?.start === mapping.end && guard.perms.startsWith('---') && guard.end - mapping.start >= WASM_RESERVATION_BYTES;
    sample.rss += mapping.rss;
    if (!mapping.anonymous) sample.file += mapping.rss;
    else if (wasm) sample.wasm += mapping.rss;
    else sample.otherAnonymous += mapping.rss;
  }
  return { rss: sample.rss / MIB, wasm: sample.wasm / MIB, otherAnonymous: sample.otherAnonymous / MIB, file: sample.file / MIB };
}

/** Resident memory of `pid` and its descendants, in MiB (0 for a process gone meanwhile). */
function treeRssMiB(pid: number): number {
  try {
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    return rss + children.reduce((sum, child) => sum + treeRssMiB(child), 0);
  } catch {
    return 0;
  }
}

function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** `npm start`'s node arguments, from package.json (`node --import tsx main.ts` → its arguments). */
export function startScriptArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`the start script does not run node: ${scripts.start}`);
  return args;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

/**
 * One run: a fresh data folder, the hub started as `npm start` (seeding `customers`), a sample,
 * `queries` operations one after another (customer views of random seeded customers, the first
 * page of customers, the overdue invoices), a sample.
 */
async function runOnce(options: { customers: number; queries: number; logFile: string }): Promise<MemoryRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-memory-'));
  try {
    const tokens = await mintTokens(dataDir);
    const ports = Object.fromEntries(await Promise.all(SYSTEMS.map(async (system) => [`${envPrefix(system)}_PORT`, String(await freePort())])));
    const gatewayPort = await freePort();
    const base = `http://127.0.0.1:${gatewayPort}`;
    const started = performance.now();
    let startPeakRss = 0;
    let hubPid: number | undefined;
    const sampler = setInterval(() => hubPid && (startPeakRss = Math.max(startPeakRss, treeRssMiB(hubPid))), 100);
    const hub = await spawnNode('hub', {
      args: startScriptArgs(),
      env: { HUB_DATA_DIR: dataDir, HUB_SEED_CUSTOMERS: String(options.customers), GATEWAY_PORT: String(gatewayPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...ports },
      logFile: options.logFile,
      ready: async (child) => {
        hubPid = child.pid;
        const response = await fetch(`${base}/readyz`);
        if (!response.ok) throw new Error(`/readyz answers ${response.status} ${(await response.text()).slice(0, 300)}`);
      },
      // The first start seeds 200 customers: about 30 s on a quiet machine, minutes on a busy one.
      readyTimeoutMs: 600_000,
    }).finally(() => clearInterval(sampler));
    try {
      const pid = hub.child.pid!;
      const startSeconds = (performance.now() - started) / 1000;
      const afterStart = sampleMemory(pid);
      let queryErrors = 0;
      let firstQueryError: string | undefined;
      const queriesStarted = performance.now();
      for (let n = 0; n < options.queries; n++) {
        const id = `cus_${String(1 + Math.floor(Math.random() * options.customers)).padStart(6, '0')}`;
        const body = n % 10 === 8 ? { query: CUSTOMERS_PAGE, variables: { first: 50 } } : n % 10 === 9 ? { query: OVERDUE_INVOICES } : { query: CUSTOMER_360, variables: { id } };
        const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...tokens.caller }, body: JSON.stringify(body) });
        const answer = await response.text();
        if (!response.ok || answer.includes('"errors"')) {
          queryErrors++;
          firstQueryError ??= `HTTP ${response.status}: ${answer.slice(0, 300)}`;
        }
      }
      const queriesSeconds = (performance.now() - queriesStarted) / 1000;
      return { afterStart, afterQueries: sampleMemory(pid), peakRss: peakRssMiB(pid), startPeakRss, startSeconds, queriesSeconds, queries: options.queries, queryErrors, ...(firstQueryError ? { firstQueryError } : {}) };
    } finally {
      await hub.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `runs` runs one after another; median and max over them. */
export async function measureMemory(options: { runs: number; customers: number; queries: number; logDir: string; progress?: (line: string) => void }): Promise<MemoryResult> {
  const runs: MemoryRun[] = [];
  for (let run = 1; run <= options.runs; run++) {
    options.progress?.(`memory run ${run}/${options.runs}`);
    runs.push(await runOnce({ ...options, logFile: join(options.logDir, `memory-${run}.log`) }));
  }
  const stats = (values: number[]) => ({ median: median(values), max: Math.max(...values) });
  return {
    command: `node ${startScriptArgs().join(' ')}`,
    customers: options.customers,
    runs,
    rssAfterQueries: stats(runs.map((run) => run.afterQueries.rss)),
    peakRss: stats(runs.map((run) => run.peakRss)),
    startPeakRss: stats(runs.map((run) => run.startPeakRss)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, customers: { type: 'string', default: '200' }, queries: { type: 'string', default: '300' } } });
  const logDir = mkdtempSync(join(tmpdir(), 'hub-memory-logs-'));
  const result = await measureMemory({ runs: Number(values.runs), customers: Number(values.customers), queries: Number(values.queries), logDir, progress: (line) => console.error(line) });
  console.log(JSON.stringify(result, null, 2));
}
