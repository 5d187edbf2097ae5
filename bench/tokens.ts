/**
 * Credentials the bench sends, in one step so wiring authentication is a change here only.
 * `caller`: headers of every request to our gateway (a caller token once the gateway requires one).
 * `subgraph`: static headers the other gateways send to each subgraph, by subgraph name (a long-lived
 * gateway-signed token per subgraph, its `aud` that subgraph, once the hub's subgraphs require one),
 * so all gateways use the same subgraphs.
 * The hub does not authenticate yet, so both are empty; the anchor subgraphs ignore headers.
 */
export interface BenchTokens {
  caller: Record<string, string>;
  subgraph: Record<string, Record<string, string>>;
}

export async function mintTokens(_hubDataDir: string): Promise<BenchTokens> {
  return { caller: {}, subgraph: {} };
}
