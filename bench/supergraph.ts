/** Supergraphs for the bench: the same file for every gateway, pointed at where its subgraphs run. */

/** `sdl` with each `@join__graph(name: …, url: …)` URL replaced by `urlOf(name)`. */
export function withSubgraphUrls(sdl: string, urlOf: (name: string) => string): string {
  return sdl.replace(/@join__graph\(name: "([\w-]+)", url: "[^"]*"\)/g, (_match, name: string) => `@join__graph(name: "${name}", url: "${urlOf(name)}")`);
}
