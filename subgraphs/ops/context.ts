import type { EventStream } from '../../platform/events/index.ts';
import type { BaseContext } from '../../platform/subgraph.ts';
import type { OpsLoaders } from './store.ts';

export interface OpsContext extends BaseContext {
  loaders: OpsLoaders;
  /** The event stream, for each consumer group's lag. */
  stream: EventStream;
}
