/**
 * Revocation across gateway replicas on Redis, with real processes: a caller's access revoked
 * through one replica is refused by the other within a second, its subscription there is closed
 * with 4403, and a replica that starts afterwards refuses it too. The times from the revocation
 * to the refusal and to the close are printed (the figure the README quotes).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { issueDevToken } from '../../platform/auth/devTokens.ts';
import { loadConfig } from '../../platform/config.ts';
import { readMetric } from '../metrics.ts';
import { query, request } from '../graphql.ts';
import { Cluster } from './cluster.ts';
import { waitFor } from '../wait.ts';

let cluster: Cluster;

before(async () => {
  cluster = await Cluster.start({ seedCustomers: 2, replicas: { gateway: 1 } });
});

after(async () => {
  await cluster?.close();
});

const CUSTOMERS = 'query RevocationCustomers { customers(first: 1) { totalCount } }';
/** What the refusal is polled with: answered by the gateway alone, so a 200 costs what a 401 does. */
const PING = 'query RevocationPing { __typename }';
const REVOKE = 'mutation RevocationRevoke($sub: String!) { revokeAccess(sub: $sub, reason: "token leaked") { revokedAt } }';

test('a revocation through one replica refuses the caller on the other within 1 s, closes its subscription there, and holds on a replica started later', async () => {
  const sub = 'leaked@example.com';
  const token = await issueDevToken(loadConfig(cluster.env), 'cs', { sub });
  const bearer = { authorization: `Bearer ${token}` };
  for (const label of ['gateway', 'gateway#2']) assert.equal((await request(cluster.url(label), CUSTOMERS, {}, bearer)).status, 200);

  const client = createClient({ url: cluster.url('gateway#2').replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: bearer, retryAttempts: 0 });
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      resolve({ code, reason, at: Date.now() });
    }),
  );
  client.subscribe({ query: 'subscription { paymentReceived { eventId } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  const streaming = async () => readMetric(await (await fetch(`${cluster.origin('gateway#2')}/metrics`)).text(), 'gateway_subscriptions_streaming');
  await waitFor('the subscription on gateway#2 streaming', async () => ((await streaming()) >= 1 ? true : undefined));

  // Polled from before the revocation; timed from its instant (revokedAt: every process shares this machine's clock).
  let refusedAt: number | undefined;
  const polling = (async () => {
    const deadline = Date.now() + 10_000;
    while (refusedAt === undefined && Date.now() < deadline) {
      const response = await request(cluster.url('gateway#2'), PING, {}, bearer);
      if (response.status === 401) refusedAt = Date.now();
    }
  })();
  const { revokeAccess } = await query<{ revokeAccess: { revokedAt: string } }, { sub: string }>(cluster.url('gateway'), REVOKE, { sub });
  const revokedAt = Date.parse(revokeAccess.revokedAt);
  await polling;
  const close = await closed;
  const refusalMs = Math.round((refusedAt ?? Infinity) - revokedAt);
  const closeMs = Math.round(close.at - revokedAt);
  console.log(`revocation → refusal on the other replica: ${refusalMs} ms; → its subscription closed: ${closeMs} ms`);
  assert.ok(refusalMs < 1000, `refused ${refusalMs} ms after the revocation`);
  assert.ok(closeMs < 1000, `closed ${closeMs} ms after the revocation`);
  assert.equal(close.code, 4403);
  assert.match(close.reason, /access revoked at .*: token leaked/);
  await client.dispose();

  // A replica started after the revocation reads it from Redis before it serves.
  await cluster.kill('gateway#2');
  cluster.startProcess('gateway#2');
  await cluster.waitReady('gateway#2');
  const refused = await request(cluster.url('gateway#2'), CUSTOMERS, {}, bearer);
  assert.equal(refused.status, 401);
  assert.match(refused.errors![0].message, /revoked/);
});
