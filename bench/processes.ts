/** Child processes of the bench (subgraphs, gateways, the SQL floor): started, awaited, measured, stopped. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  /** Resident memory of the process, in MiB (0 once it has exited). */
  rssMiB(): number;
  /** CPU seconds the process has used so far, user and system, all its threads (not its children); NaN once it has exited. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat's times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** utime + stime of /proc/<pid>/stat, in seconds. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface SpawnOptions {
  /** The program; node itself when absent. */
  command?: string;
  /** Arguments after the program. */
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Output goes to this file. */
  logFile: string;
  /** Resolves once the process serves (throws to keep waiting); called with the process, while it starts. */
  ready: (child: ChildProcess) => Promise<void>;
  readyTimeoutMs?: number;
}

/** Starts `node <args>` (or `command <args>`) and waits until `ready` succeeds; fails with the log's tail if it exits or times out. */
export async function spawnNode(name: string, options: SpawnOptions): Promise<BenchProcess> {
  const log = createWriteStream(options.logFile);
  const child = spawn(options.command ?? process.execPath, options.args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const proc: BenchProcess = {
    name,
    child,
    rssMiB: () => {
      if (exited) return 0;
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return match ? Math.round(Number(match[1]) / 1024) : 0;
      } catch {
        return 0;
      }
    },
    cpuSeconds: () => {
      if (exited) return NaN;
      try {
        return processCpuSeconds(child.pid!);
      } catch {
        return NaN;
      }
    },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (exited) throw new Error(`${name} exited before it was ready; see ${options.logFile}:\n${tail(options.logFile)}`);
    try {
      await options.ready(child);
      return proc;
    } catch (error) {
      if (Date.now() > deadline) {
        await proc.stop();
        throw new Error(`${name} not ready after ${options.readyTimeoutMs ?? 120_000} ms (${(error as Error).message}); see ${options.logFile}:\n${tail(options.logFile)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/** Readiness check: a GraphQL endpoint answers `{ __typename }` with data. */
export function answersGraphql(url: string, headers: Record<string, string> = {}): () => Promise<void> {
  return async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}' });
    const body = (await response.json()) as { data?: unknown };
    if (!response.ok || !body.data) throw new Error(`HTTP ${response.status}`);
  };
}
