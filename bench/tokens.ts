/**
 * Credentials the bench sends, made with the hub's own token code and the keys under the bench's
 * HUB_DATA_DIR, which its gateway and subgraphs verify with:
 * `caller`: headers of every request to our gateway (an admin development token);
 * `subgraph`: static headers the other gateways send to each subgraph, by subgraph name: a
 * day-long token per subgraph signed with the gateway's key, as our gateway signs its 60-second
 * ones, so every gateway uses the same subgraphs. The anchor subgraphs ignore headers.
 */
import { loadConfig, SYSTEMS } from '../platform/config.ts';
import { makeCaller } from '../platform/auth/caller.ts';
import { issueDevToken } from '../platform/auth/devTokens.ts';
import { gatewaySigningKey } from '../platform/auth/keys.ts';
import { scopesOf } from '../platform/auth/roles.ts';
import { SubgraphTokenSigner } from '../platform/auth/subgraphTokens.ts';

export interface BenchTokens {
  caller: Record<string, string>;
  subgraph: Record<string, Record<string, string>>;
}

const DAY_SECONDS = 86_400;

export async function mintTokens(hubDataDir: string): Promise<BenchTokens> {
  const config = loadConfig({ HUB_DATA_DIR: hubDataDir });
  const signer = new SubgraphTokenSigner(gatewaySigningKey(config), DAY_SECONDS);
  const caller = makeCaller('bench@hub.local', 'admin', scopesOf(['admin']));
  return {
    caller: { authorization: `Bearer ${await issueDevToken(config, 'admin', { sub: 'bench@hub.local', ttl: '1d' })}` },
    subgraph: Object.fromEntries(SYSTEMS.map((system) => [system, { authorization: `Bearer ${signer.token(caller, system)}` }])),
  };
}
