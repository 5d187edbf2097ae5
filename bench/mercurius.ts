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

export async function checkMercurius(services: Record<string, string>): Promise<string> {
  const fastify = requirePeer('fastify') as (options: object) => FastifyApp;
  const gateway = requirePeer('@mercuriusjs/gateway') as unknown;
  const app = fastify({ logger: false });
  try {
    app.register(gateway, { gateway: { services: Object.entries(services).map(([name, url]) => ({ name, url, mandatory: true })) } });
    await app.ready();
    const result = (await app.graphql('{ __typename }')) as { data?: unknown };
    return result.data ? 'loads them (answers `{ __typename }`)' : `loads them but answers ${JSON.stringify(result).slice(0, 200)}`;
  } catch (error) {
    return `cannot load them: ${(error as Error).message.split('\n')[0].slice(0, 300)}`;
  } finally {
    await app.close().catch(() => undefined);
  }
}
