/**
 * The public gateways benchmark's workload (bench/anchor/) through our gateway: the anchor
 * subgraphs on a free port, our gateway serving the benchmark's supergraph, and the one deep
 * query answered with exactly the benchmark's expected bytes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAnchorServer, parseAnchorMetrics, type AnchorServer } from '../bench/anchor/subgraphs.ts';
import { ANCHOR_BODY, ANCHOR_EXPECTED, anchorSupergraph, isAnchorAnswer } from '../bench/anchor/workload.ts';
import { mintTokens, type BenchTokens } from '../bench/tokens.ts';
import { startService } from '../hub.ts';
import { loadConfig } from '../platform/config.ts';

describe('anchor workload (graphql-gateways-benchmark)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-anchor-'));
  let anchor: AnchorServer;
  let anchorUrl: string;
  let gateway: Awaited<ReturnType<typeof startService>>;
  let tokens: BenchTokens;

  before(async () => {
    anchor = createAnchorServer();
    await new Promise<void>((resolve) => anchor.server.listen(0, '127.0.0.1', resolve));
    anchorUrl = `http://127.0.0.1:${(anchor.server.address() as AddressInfo).port}`;
    writeFileSync(join(dir, 'supergraph.graphql'), anchorSupergraph(anchorUrl));
    // The caller credentials the benchmark sends, signed with this hub's keys.
    tokens = await mintTokens(dir);
    gateway = await startService(
      'gateway',
      loadConfig({ HOST: '127.0.0.1', GATEWAY_PORT: '0', HUB_DATA_DIR: dir, LOG_LEVEL: 'silent', SUPERGRAPH_PATH: join(dir, 'supergraph.graphql'), GATEWAY_QUERY_PLANNER: process.env.TEST_QUERY_PLANNER }),
    );
  });
  after(async () => {
    await gateway?.close();
    await new Promise((resolve) => anchor?.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async () => {
    const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...tokens.caller }, body: ANCHOR_BODY });
    return { status: response.status, body: await response.text() };
  };

  test('the anchor subgraphs answer health checks and serve their SDL', async () => {
    assert.equal(await (await fetch(`${anchorUrl}/health`)).text(), 'OK');
    const sdl = await fetch(`${anchorUrl}/inventory`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    assert.match(((await sdl.json()) as { data: { _service: { sdl: string } } }).data._service.sdl, /shippingEstimate: Int @requires\(fields: "price weight"\)/);
  });

  test('our gateway returns the expected response byte for byte', async () => {
    const { status, body } = await post();
    assert.equal(status, 200);
    // Apollo Server ends the body with a newline; the rest is the benchmark's exact bytes.
    assert.equal(body, `${ANCHOR_EXPECTED}\n`);
    assert.ok(isAnchorAnswer(body));
  });

  test('the same query again is answered identically and reaches the subgraphs again', async () => {
    const before = parseAnchorMetrics(await (await fetch(`${anchorUrl}/metrics`)).text());
    const { body } = await post();
    assert.ok(isAnchorAnswer(body));
    const afterwards = parseAnchorMetrics(await (await fetch(`${anchorUrl}/metrics`)).text());
    assert.ok(afterwards.accounts > before.accounts && afterwards.products > before.products, 'no response cache between requests');
  });

  test('the side-by-side fetches of its plan to one subgraph go out as one request', async () => {
    const before = parseAnchorMetrics(await (await fetch(`${anchorUrl}/metrics`)).text());
    assert.ok(isAnchorAnswer((await post()).body));
    const afterwards = parseAnchorMetrics(await (await fetch(`${anchorUrl}/metrics`)).text());
    const sent = Object.values(afterwards).reduce((sum, count) => sum + count, 0) - Object.values(before).reduce((sum, count) => sum + count, 0);
    // 16 fetches, one request each without merging; merged within each Parallel node of the plan,
    // 13 at most (fewer when the two root fetches answer in the same turn: their branches' merge too).
    assert.ok(sent <= 13, `${sent} subgraph requests`);
  });

  test('a wrong answer is not taken for the expected one', () => {
    assert.equal(isAnchorAnswer(ANCHOR_EXPECTED.replace('"shippingEstimate":null', '"shippingEstimate":50')), false);
    assert.equal(isAnchorAnswer(`${ANCHOR_EXPECTED.slice(0, -1)},"errors":[{"message":"x"}]}`), false);
    assert.equal(isAnchorAnswer(`${ANCHOR_EXPECTED}\n`), true);
  });
});
