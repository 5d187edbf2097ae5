/**
 * Whether `@mercuriusjs/gateway` (Federation v1 only) can load a set of subgraphs: it is not in the
 * comparison; the bench reports what it says when it is pointed at the same subgraphs.
 */
import { createRequire } from 'node:module';

const requirePeer = createRequire(new URL('./peers/package.json', import.meta.url));

interface FastifyApp {
  register(plugin: unknown, options: unknown): unknown;
  ready(): Promise<unknown>;
  close(): Promise<unknown>;
  graphql(query: string): Promise<unknown>;
}

/** What @mercuriusjs/gateway does with these subgraphs: loads them or not, and whether it answers `query` right. */
export async function checkMercurius(services: Record<string, string>, query = '{ __typename }', isRight: (body: string) => boolean = (body) => !body.includes('"errors"')): Promise<string> {
  const fastify = requirePeer('fastify') as (options: object) => FastifyApp;
  const gateway = requirePeer('@mercuriusjs/gateway') as unknown;
  const app = fastify({ logger: false });
  try {
    app.register(gateway, { gateway: { services: Object.entries(services).map(([name, url]) => ({ name, url, mandatory: true })) } });
    await app.ready();
    const body = JSON.stringify(await app.graphql(query).catch((error: Error) => ({ errors: [{ message: error.message }] })));
    return isRight(body) ? 'loads them and answers the workload\'s query right' : `loads them but answers the workload's query wrong: ${body.slice(0, 200)}`;
  } catch (error) {
    return `cannot load them: ${(error as Error).message.split('\n')[0].slice(0, 300)}`;
  } finally {
    await app.close().catch(() => undefined);
  }
}
