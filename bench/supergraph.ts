/** Supergraphs for the bench: the same file for every gateway, pointed at where its subgraphs run. */

/**
 * `sdl` with each `@join__graph(name: …, url: …)` URL replaced by `urlOf(name)`; a subgraph it has
 * no URL for keeps its own (the gateway's own subgraph, which our gateway answers in-process).
 */
export function withSubgraphUrls(sdl: string, urlOf: (name: string) => string | undefined): string {
  return sdl.replace(/@join__graph\(name: "([\w-]+)", url: "([^"]*)"\)/g, (_match, name: string, url: string) => `@join__graph(name: "${name}", url: "${urlOf(name) ?? url}")`);
}

/**
 * `sdl` without the `for: SECURITY` purpose on its `@link`s (authenticated, requiresScopes):
 * @apollo/gateway refuses to load a supergraph whose security features it does not enforce, and
 * our gateway drops the purpose the same way; the hub's subgraphs enforce the scopes themselves.
 */
export function withoutSecurityPurpose(sdl: string): string {
  return sdl.replace(/(@link\(url: "[^"]+"), for: SECURITY\)/g, '$1)');
}
