/**
 * `npm run token -- --role <role> [--sub <name>] [--ttl 12h]`: prints a development token for a
 * role, signed with the hub's local key (under $HUB_DATA_DIR/auth/). The last line is the bare
 * token, so `TOKEN=$(npm run -s token -- --role analyst | tail -1)` works.
 */
import { parseArgs } from 'node:util';
import { issueDevToken } from '../platform/auth/devTokens.ts';
import { ROLE_NAMES, ROLES, isRole } from '../platform/auth/roles.ts';
import { loadConfigOrExit } from '../platform/config.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const USAGE = `usage: npm run -s token -- --role <${ROLE_NAMES.join('|')}> [--sub <name>] [--ttl 12h]

Prints a development token for a role, signed with the hub's local key under HUB_DATA_DIR/auth/
(the one \`npm start\` trusts unless AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set). The last line is
the bare token: TOKEN=$(npm run -s token -- --role analyst | tail -1)

  --role R    the role, whose scopes the token carries: ${ROLE_NAMES.join(', ')}
  --sub S     who the token is for (default: <role>@hub.local)
  --ttl T     how long it is valid, e.g. 30m, 12h, 7d (default 12h)`;

let args;
try {
  args = parseArgs({ options: { role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string', default: '12h' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.role) fail(`--role is required: one of ${ROLE_NAMES.join(', ')}.`);
const config = loadConfigOrExit();
try {
  const token = await issueDevToken(config, args.role, { sub: args.sub, ttl: args.ttl });
  const scopes = isRole(args.role) ? ROLES[args.role].join(' ') : '';
  console.log(`# ${args.role} (${scopes}), valid ${args.ttl}; send as "Authorization: Bearer <token>"`);
  console.log(token);
} catch (error) {
  fail((error as Error).message);
}
