import type { AddressInfo } from 'node:net';
import { envPrefix, SYSTEMS, type HubConfig, type ServiceName, type SystemName } from './platform/config.ts';
import type { Db } from './platform/db/db.ts';
import { StartError } from './platform/startError.ts';
import type { Service } from './platform/http.ts';
import { createSubgraph, type SubgraphService } from './platform/service/subgraph.ts';
import { createGatewayServer } from './gateway/server.ts';
import { DOMAIN_ERROR_CODES, SUBGRAPHS } from './subgraphs/index.ts';
import { createEventStream, type EventStream } from './platform/events/index.ts';
import { createLogger } from './platform/logger.ts';
import { seedIfEmpty } from './seed/firstStart.ts';
import type { FirstStartOptions } from './seed/inChild.ts';

/** One system's subgraph, built (its database open and migrated) and ready to start and listen. */
export function buildSubgraph(name: SystemName, config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  const { definition, adapter } = SUBGRAPHS[name];
  return createSubgraph(definition, adapter, config, stream);
}

/** A service that listens: its URL and how to stop it. */
export interface RunningService {
  name: ServiceName;
  /** Base URL, e.g. http://localhost:4001 (GraphQL is at /graphql). */
  url: string;
  service: Service;
}

async function listen(service: Service, host: string, port: number): Promise<RunningService> {
  try {
    await service.app.listen({ host, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const variable = service.name === 'gateway' ? 'GATEWAY_PORT' : `${envPrefix(service.name as SystemName)}_PORT`;
    throw new StartError(`${variable}=${port}: port ${port} on ${host} is in use (by another hub?), so ${service.name} cannot listen. Stop what uses it, or set ${variable} to a free port (0 picks any).`);
  }
  const address = service.app.server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { name: service.name as ServiceName, url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`, service };
}

/**
 * Starts one service alone (the distributed deployment runs one per process). A subgraph gets
 * its own connection to the event stream; without REDIS_URL its events stay in this process.
 */
export async function startService(name: ServiceName, config: HubConfig, events?: EventStream): Promise<RunningService & { close(): Promise<void> }> {
  if (name === 'gateway') {
    const gateway = await listen(await createGatewayServer(config, { events, domainCodes: DOMAIN_ERROR_CODES }), config.host, config.gatewayPort);
    return { ...gateway, close: () => gateway.service.close() };
  }
  const stream = createEventStream(config.events, createLogger(config, name));
  const service = await buildSubgraph(name, config, stream);
  await service.start();
  const running = await listen(service, config.host, config.systems[name].port);
  return {
    ...running,
    async close() {
      await service.close();
      await stream.close();
    },
  };
}

export interface RunningHub {
  gateway: RunningService;
  subgraphs: Record<SystemName, RunningService>;
  dbs: Record<SystemName, Db>;
  /** The configuration the hub runs with: subgraph URLs as they were bound. */
  config: HubConfig;
  /** The event stream every subgraph of this process shares. */
  stream: EventStream;
  /** Stops the gateway first, so no request reaches a subgraph that is closing. */
  close(): Promise<void>;
}

/**
 * Starts every subgraph and then the gateway in this process. When every system's database is
 * empty and `config.seedCustomers` > 0, seeds demo data first; the partial data of a seed that
 * was interrupted (see seedState) is emptied first, and the seed redone. A subgraph port of 0
 * binds any free port and the gateway is pointed at what was bound.
 */
export async function startHub(config: HubConfig, options: FirstStartOptions = {}): Promise<RunningHub> {
  const stream = createEventStream(config.events, createLogger(config, 'events'));
  const built = await Promise.all(SYSTEMS.map((name) => buildSubgraph(name, config, stream)));
  const dbs = Object.fromEntries(built.map((service) => [service.name, service.db])) as Record<SystemName, Db>;
  const started: RunningService[] = [];
  try {
    await seedIfEmpty(dbs, config.seedCustomers, options);
    for (const service of built) await service.start();
    for (const service of built) started.push(await listen(service, config.host, config.systems[service.name as SystemName].port));
    const subgraphs = Object.fromEntries(started.map((running) => [running.name, running])) as Record<SystemName, RunningService>;
    const bound: HubConfig = {
      ...config,
      systems: Object.fromEntries(
        SYSTEMS.map((name) => [
          name,
          // A URL on port 0 is the default one of a port picked at bind time: the bound port replaces it.
          { ...config.systems[name], url: new URL(config.systems[name].url).port === '0' ? `${subgraphs[name].url}/graphql` : config.systems[name].url },
        ]),
      ) as HubConfig['systems'],
    };
    // The gateway follows the subgraphs' stream: its entity cache is evicted by their events.
    const gateway = await startService('gateway', bound, stream);
    for (const service of built) service.gatewayListening?.(`${gateway.url}/graphql`);
    return {
      gateway,
      subgraphs,
      dbs,
      config: bound,
      stream,
      async close() {
        await gateway.close();
        await Promise.all(built.map((service) => service.close()));
        await stream.close();
      },
    };
  } catch (error) {
    await Promise.all(built.map((service) => service.close().catch(() => undefined)));
    await stream.close();
    throw error;
  }
}
