import { pino, type DestinationStream, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { HubConfig } from './config.ts';

export type { Logger };

let destination: DestinationStream | undefined;

/**
 * Where every logger of this process writes: one line of JSON per entry on stdout for log
 * collectors, or, when stdout is a terminal, pino-pretty's coloured lines for the person reading.
 * One stream for the process, so the services of `npm start` interleave whole lines.
 */
function logDestination(): DestinationStream {
  destination ??= process.stdout.isTTY
    ? PinoPretty({ colorize: true, sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', messageFormat: '{service}: {msg}' })
    : pino.destination({ dest: 1, sync: true });
  return destination;
}

/** Structured logs (see logDestination); each service logs under its own name. */
export function createLogger(config: Pick<HubConfig, 'logLevel'>, service: string): Logger {
  return pino({ level: config.logLevel, base: { service }, timestamp: pino.stdTimeFunctions.isoTime }, logDestination());
}
