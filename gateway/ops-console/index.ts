/**
 * Serves the ops console at `GET /ops`: a page of live charts, exceptions and dead letters with
 * their actions, and workflow timelines, talking to the gateway's own GraphQL endpoint (queries
 * over HTTP, live events over graphql-ws) with the token the user pastes. Bundled by
 * gateway/pages/build.ts like GraphiQL, so it works with no internet.
 */
import type { FastifyInstance } from 'fastify';
import { loadAsset, notBuilt, pageHtml, registerAssets, sendPage } from '../pages/assets.ts';

/** What the server hands the page in `<script type="application/json" id="ops-console-config">`. */
export interface OpsConsolePageConfig {
  /** The GraphQL endpoint, resolved by the page against its own URL; GraphiQL is served there too. */
  endpoint: string;
}

/** Options of {@link registerOpsConsole}. */
export interface OpsConsoleOptions {
  /** Where the page is served, e.g. `/ops`. */
  path: string;
  /** Path of the GraphQL endpoint, e.g. `/graphql`. */
  endpoint: string;
}

const ASSETS = ['ops-console.js', 'ops-console.css'] as const;

/** Serves the page on `GET <path>` (and `<path>/`) and its bundle under `<path>/assets/`. */
export function registerOpsConsole(app: FastifyInstance, options: OpsConsoleOptions): void {
  const prefix = `${options.path}/assets/`;
  const config: OpsConsolePageConfig = { endpoint: options.endpoint };
  const page = async (_request: unknown, reply: Parameters<typeof sendPage>[0]) => {
    const [js, css] = await Promise.all([loadAsset('ops-console.js'), loadAsset('ops-console.css')]);
    if (!js || !css) return notBuilt(reply, 'The ops console');
    return sendPage(reply, pageHtml({ title: 'Ops console', root: 'ops-console', bundle: 'ops-console', prefix, js, css }, config, 'Loading the ops console…'));
  };
  app.get(options.path, page);
  app.get(`${options.path}/`, page);
  registerAssets(app, prefix, ASSETS, 'The ops console');
}
