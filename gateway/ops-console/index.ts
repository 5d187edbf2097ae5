/**
 * Serves the ops console at `GET /ops`: a page of live charts, exceptions and dead letters with
 * their actions, and workflow timelines, talking to the gateway's own GraphQL endpoint (queries
 * over HTTP, live events over graphql-ws) with the token the user pastes. Bundled by
 * gateway/pages/build.ts like GraphiQL, so it works with no internet.
 */
import type { FastifyInstance } from 'fastify';
import { loadAsset, notBuilt, registerAssets, sendPage, type Asset } from '../pages/assets.ts';

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

function pageHtml(config: OpsConsolePageConfig, prefix: string, js: Asset, css: Asset): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ops console · Operational Data Hub</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${prefix}ops-console.css?v=${css.hash}">
</head>
<body>
<div id="ops-console">Loading the ops console…</div>
<script type="application/json" id="ops-console-config">${json}</script>
<script src="${prefix}ops-console.js?v=${js.hash}" defer></script>
</body>
</html>
`;
}

/** Serves the page on `GET <path>` (and `<path>/`) and its bundle under `<path>/assets/`. */
export function registerOpsConsole(app: FastifyInstance, options: OpsConsoleOptions): void {
  const prefix = `${options.path}/assets/`;
  const config: OpsConsolePageConfig = { endpoint: options.endpoint };
  const page = async (_request: unknown, reply: Parameters<typeof sendPage>[0]) => {
    const [js, css] = await Promise.all([loadAsset('ops-console.js'), loadAsset('ops-console.css')]);
    if (!js || !css) return notBuilt(reply, 'The ops console');
    return sendPage(reply, pageHtml(config, prefix, js, css));
  };
  app.get(options.path, page);
  app.get(`${options.path}/`, page);
  registerAssets(app, prefix, ASSETS, 'The ops console');
}
