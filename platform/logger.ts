import { pino, type Logger } from 'pino';
import type { HubConfig } from './config.ts';

export type { Logger };

/** Structured JSON logs on stdout; each service logs under its own name. */
export function createLogger(config: Pick<HubConfig, 'logLevel'>, service: string): Logger {
  return pino({ level: config.logLevel, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
