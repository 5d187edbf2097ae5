/**
 * Credentials the bench sends, in one step so wiring authentication is a change here only.
 * `caller`: headers of every request to our gateway: a caller token from `npm run token -- --role
 * admin` (its last line is the bare token) once the hub has that command, else none.
 * `subgraph`: static headers the other gateways send to each subgraph, by subgraph name (a
 * long-lived gateway-signed token per subgraph, its `aud` that subgraph, once the hub can mint
 * one), so all gateways use the same subgraphs. None yet. The anchor subgraphs ignore headers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes.ts';

export interface BenchTokens {
  caller: Record<string, string>;
  subgraph: Record<string, Record<string, string>>;
}

export async function mintTokens(hubDataDir: string): Promise<BenchTokens> {
  const script = join(ROOT, 'scripts', 'token.ts');
  if (!existsSync(script)) return { caller: {}, subgraph: {} };
  // Signed with the key under the bench's HUB_DATA_DIR, which the bench's gateway verifies with.
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--role', 'admin', '--ttl', '1d'], {
    cwd: ROOT,
    env: { ...process.env, HUB_DATA_DIR: hubDataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run token failed: ${result.stderr || result.stdout}`);
  const token = result.stdout.trim().split('\n').at(-1)!;
  return { caller: { authorization: `Bearer ${token}` }, subgraph: {} };
}
