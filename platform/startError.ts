/**
 * Why a command could not start, said in one line a person can act on: the setting, the system
 * and what to do. Entry points print the message alone, never a stack (see `startFailure`).
 */
import { ConfigError, type HubConfig } from './config.ts';

export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

/**
 * What an entry point prints when it cannot start. StartErrors and configuration problems say
 * it all already; anything else is unexpected and keeps its first line, and `debug`
 * (LOG_LEVEL=debug or trace) prints the whole error first.
 */
export function startFailure(error: unknown, debug: boolean): string {
  if (error instanceof StartError || error instanceof ConfigError) return error.message;
  if (debug) console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  return `Cannot start: ${message.split('\n')[0]}${debug ? '' : ' (LOG_LEVEL=debug prints the details)'}.`;
}

/** Ends a command that could not start: its one line on stderr, exit code 1. */
export function exitStartFailure(error: unknown, config?: Pick<HubConfig, 'logLevel'>): never {
  console.error(startFailure(error, config?.logLevel === 'debug' || config?.logLevel === 'trace'));
  process.exit(1);
}
