/** Closed-loop HTTP load with autocannon (from bench/peers): requests/s, latency percentiles, errors. */
import { createRequire } from 'node:module';

const requirePeer = createRequire(new URL('./peers/package.json', import.meta.url));

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  duration: number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    requests: AutocannonRequest[];
    verifyBody?: (body: string) => boolean;
    timeout?: number;
  },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
/** Loaded on first use: the bench's pure helpers (and their unit tests) need no peers installed. */
const autocannon = (...args: Parameters<Autocannon>) => (requirePeer('autocannon') as Autocannon)(...args);

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** The request body; called per request when it varies. */
  body: string | (() => string);
  /** Whether a 2xx response body is a right answer. */
  check: (body: string) => boolean;
}

export interface LoadResult {
  requests: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Failed connections, timeouts, non-2xx answers and wrong answers. */
  errors: number;
  wrongAnswers: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const { body } = spec;
  const request: AutocannonRequest = {
    method: 'POST',
    path: new URL(spec.url).pathname,
    headers: { 'content-type': 'application/json', ...spec.headers },
    ...(typeof body === 'string' ? { body } : { setupRequest: (req: AutocannonRequest) => ({ ...req, body: body() }) }),
  };
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: spec.url, connections: spec.connections, duration: spec.seconds, requests: [request], verifyBody: spec.check, timeout: 30 },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          rps: result.requests.total / (result.duration || spec.seconds),
          latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
          errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
          wrongAnswers: result.mismatches,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/** One request on its own, awaited: drains a gateway's queue after load, or probes a quiet one. */
export async function sendOne(spec: Pick<LoadSpec, 'url' | 'headers' | 'body'>): Promise<string> {
  const body = typeof spec.body === 'string' ? spec.body : spec.body();
  const response = await fetch(spec.url, { method: 'POST', headers: { 'content-type': 'application/json', ...spec.headers }, body, signal: AbortSignal.timeout(60_000) });
  return response.text();
}
