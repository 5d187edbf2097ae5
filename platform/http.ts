import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from './logger.ts';

export interface HttpAppOptions {
  logger: Logger;
  /** Answers `GET /readyz`: whether the service can serve, with details; a throw means not ready. */
  ready: () => Promise<{ ready: boolean } & Record<string, unknown>>;
  /** Extra lines for `GET /metrics` (Prometheus text format). */
  metrics?: () => string[];
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
}

/**
 * The HTTP server every service runs on: JSON logs with a request id on every line (taken from
 * `x-request-id` when the caller sends one, so a gateway request and its subgraph fetches share
 * it), `GET /healthz` for liveness, `GET /readyz` for readiness and `GET /metrics`.
 */
export function createHttpApp(options: HttpAppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    forceCloseConnections: true,
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      const { ready, ...details } = await options.ready();
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', ...details });
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', error: (error as Error).message });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    const lines = [
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage().rss}`,
      ...(options.metrics?.() ?? []),
    ];
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
  return app;
}

/** Reads one counter or gauge from a `/metrics` body. */
export function readMetric(body: string, name: string): number {
  const line = body.split('\n').find((row) => row.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} not found`);
  return Number(line.slice(name.length + 1));
}
