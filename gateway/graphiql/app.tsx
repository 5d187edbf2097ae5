/**
 * Browser entry for the gateway's own GraphiQL page; bundled by build.ts.
 * Everything it needs is bundled, so the page makes no request off the host.
 */
import { useMemo, useState } from 'react';
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

/** Where the pasted token is kept, so a reload keeps it. */
const TOKEN_KEY = 'hub.token';

/** The pasted token (a bare JWT, or with "Bearer " before it) as an Authorization value. */
function authorization(token: string): string | undefined {
  const bare = token.trim().replace(/^Bearer\s+/i, '');
  return bare ? `Bearer ${bare}` : undefined;
}

/**
 * An operation handed over in the URL's fragment, `#query=…&variables=…` (the ops console links
 * here so): opened as the active tab. A fragment, not `?query=`, because a GET with a query is a
 * GraphQL request that runs; and a fragment never reaches the server's logs.
 */
const linked = new URLSearchParams(location.hash.slice(1));
const linkedQuery = linked.get('query') ?? undefined;
const linkedVariables = linked.get('variables') ?? undefined;

// GraphiQL names a tab after its operation; the comment keeps the friendly name visible.
const defaultTabs = [
  ...(linkedQuery ? [{ query: linkedQuery, variables: linkedVariables ?? null }] : []),
  ...config.examples.map((example) => ({
    query: `# ${example.name}\n${example.query.trim()}\n`,
    variables: example.variables ?? null,
  })),
];

/**
 * GraphiQL under a bar where the user pastes a token: every request carries it as
 * `Authorization: Bearer`, and subscriptions in their connection params.
 */
function App() {
  const [token, setToken] = useState(() => localStorage.getItem(TOKEN_KEY) ?? '');
  const bearer = authorization(token);
  // A new fetcher when the token changes, so GraphiQL loads the schema again with it.
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: url.href,
        subscriptionUrl: subscriptionUrl.href,
        headers: bearer ? { authorization: bearer } : {},
        wsConnectionParams: bearer ? { authorization: bearer } : {},
      }),
    [bearer],
  );
  return (
    <div className="hub-page">
      <form className="hub-token" onSubmit={(event: Event) => event.preventDefault()}>
        <label htmlFor="hub-token">Token</label>
        <input
          id="hub-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="Paste a token: npm start prints one per role; npm run token -- --role <role> makes one"
          value={token}
          onChange={(event: { target: HTMLInputElement }) => {
            setToken(event.target.value);
            localStorage.setItem(TOKEN_KEY, event.target.value.trim());
          }}
        />
        {!bearer && <span className="hub-token-hint">The graph answers signed-in users only.</span>}
      </form>
      <div className="hub-graphiql">
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={defaultTabs.length > 0 ? defaultTabs : undefined}
          // With tabs kept from an earlier visit, GraphiQL opens (or finds) a tab for these.
          query={linkedQuery}
          variables={linkedVariables}
          isHeadersEditorEnabled
          shouldPersistHeaders
          defaultEditorToolsVisibility="headers"
        >
          {/* Replaces the default logo, a link off the machine. */}
          <GraphiQL.Logo>Operational Data Hub</GraphiQL.Logo>
        </GraphiQL>
      </div>
    </div>
  );
}

createRoot(document.getElementById('graphiql')!).render(<App />);
