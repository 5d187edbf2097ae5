/**
 * Incremental results (`@defer`) for transports that do not send parts as they come: all
 * payloads in order as one stream (graphql-ws and SSE send each as a message), or merged into
 * one result (an HTTP client that does not accept multipart/mixed).
 */
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { deepMerge, type DataObject } from '../execution/planData.ts';
import type { FormattedIncremental } from './pipeline.ts';

type Initial = FormattedExecutionResult & { hasNext: boolean };

/** The initial payload, then each later one, as they come. */
export async function* incrementalPayloads(initial: Initial, subsequent: AsyncIterable<FormattedIncremental>): AsyncGenerator<Initial | FormattedIncremental> {
  yield initial;
  if (!initial.hasNext) return;
  for await (const payload of subsequent) {
    yield payload;
    if (!payload.hasNext) return;
  }
}

/** Puts `data` into `target` at `path`, merging objects key by key (a deferred fragment adds fields). */
function mergeAt(target: Record<string, unknown>, path: readonly (string | number)[], data: Record<string, unknown>): void {
  let node: unknown = target;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (node === null || typeof node !== 'object') return;
  deepMerge(node as DataObject, data);
}

/** Every payload merged into one result: the data as if nothing were deferred, all errors in order. */
export async function collectIncremental(initial: Initial, subsequent: AsyncIterable<FormattedIncremental>): Promise<FormattedExecutionResult> {
  const data = structuredClone(initial.data ?? null) as Record<string, unknown> | null;
  const errors: GraphQLFormattedError[] = [...(initial.errors ?? [])];
  for await (const payload of incrementalPayloads({ ...initial, data: undefined }, subsequent)) {
    if (!('incremental' in payload) || !payload.incremental) continue;
    for (const item of payload.incremental) {
      if (data && item.data && typeof item.data === 'object') mergeAt(data, item.path as (string | number)[], item.data as Record<string, unknown>);
      errors.push(...(item.errors ?? []));
    }
  }
  const { hasNext: _hasNext, data: _data, errors: _errors, ...rest } = initial;
  return { ...rest, ...(errors.length > 0 ? { errors } : {}), data };
}
