/**
 * Credentials the bench sends, in one step so wiring authentication is a change here only.
 * Once the hub authenticates (it has `npm run token`), and nothing before:
 * `caller`: headers of every request to our gateway: an admin caller token from
 * `npm run token -- --role admin` (its last line is the bare token).
 * `subgraph`: static headers the other gateways send to each subgraph, by subgraph name: a
 * long-lived token per subgraph signed with the gateway's key under HUB_DATA_DIR/auth/, as our
 * gateway signs them (issuer hub-gateway, audience the subgraph, the admin scopes), so every
 * gateway uses the same subgraphs. The anchor subgraphs ignore headers.
 */
import { spawnSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEMS } from '../platform/config.ts';
import { ROOT } from './processes.ts';

export interface BenchTokens {
  caller: Record<string, string>;
  subgraph: Record<string, Record<string, string>>;
}

const DAY_SECONDS = 86_400;

/** The gateway's Ed25519 key, a private JWK in `<dataDir>/auth/gateway.jwk`, made here when the hub has not made it yet. */
function gatewayKey(dataDir: string): KeyObject {
  const file = join(dataDir, 'auth', 'gateway.jwk');
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'auth'), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600, flag: 'wx' });
  }
  return createPrivateKey({ key: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { kty: string }, format: 'jwk' });
}

function subgraphToken(key: KeyObject, subgraph: string, scopes: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'EdDSA', typ: 'JWT' })}.${encode({ iss: 'hub-gateway', aud: subgraph, sub: 'bench@hub.local', role: 'admin', scope: scopes, iat: now, exp: now + DAY_SECONDS })}`;
  return `${unsigned}.${sign(null, Buffer.from(unsigned), key).toString('base64url')}`;
}

export async function mintTokens(hubDataDir: string): Promise<BenchTokens> {
  const script = join(ROOT, 'scripts', 'token.ts');
  if (!existsSync(script)) return { caller: {}, subgraph: {} };
  // Signed with the keys under the bench's HUB_DATA_DIR, which its gateway and subgraphs verify with.
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--role', 'admin', '--ttl', '1d'], {
    cwd: ROOT,
    env: { ...process.env, HUB_DATA_DIR: hubDataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run token failed: ${result.stderr || result.stdout}`);
  const lines = result.stdout.trim().split('\n');
  // The first line reads "# admin (<scopes>), valid 1d; …".
  const scopes = /\(([^)]*)\)/.exec(lines[0])?.[1] ?? '';
  const key = gatewayKey(hubDataDir);
  return {
    caller: { authorization: `Bearer ${lines.at(-1)}` },
    subgraph: Object.fromEntries(SYSTEMS.map((system) => [system, { authorization: `Bearer ${subgraphToken(key, system, scopes)}` }])),
  };
}
