/**
 * Browser entry for the gateway's own GraphiQL page; bundled by build.ts.
 * Everything it needs is bundled, so the page makes no request off the host.
 */
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './app.css';
import type { GraphiqlPageConfig } from './index.ts';

const configElement = document.getElementById('graphiql-config');
const config = JSON.parse(configElement?.textContent ?? '{}') as GraphiqlPageConfig;

// Resolve against the page so the same HTML works behind any host or port.
const url = new URL(config.endpoint, location.href);
const subscriptionUrl = new URL(url);
subscriptionUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

const fetcher = createGraphiQLFetcher({
  url: url.href,
  subscriptionUrl: subscriptionUrl.href,
});

// GraphiQL names a tab after its operation; the comment keeps the friendly name visible.
const defaultTabs = config.examples.map((example) => ({
  query: `# ${example.name}\n${example.query.trim()}\n`,
  variables: example.variables ?? null,
}));

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={defaultTabs.length > 0 ? defaultTabs : undefined}
    isHeadersEditorEnabled
    shouldPersistHeaders
    defaultEditorToolsVisibility="headers"
  >
    {/* Replaces the default logo, a link off the machine. */}
    <GraphiQL.Logo>Operational Data Hub</GraphiQL.Logo>
  </GraphiQL>,
);
