/**
 * Side-by-side `_entities` fetches to one subgraph go out as one request. Two small federation
 * subgraphs on one node:http server: `shop` lists products twice over (`products`, `featured`),
 * `stock` adds `inStock` and `price` to them, so the plan fetches from stock at two paths side by
 * side with different documents. Counted at the subgraphs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, GraphQLError, parse, validate, type OperationDefinitionNode } from 'graphql';
import { mintTokens, type BenchTokens } from '../bench/tokens.ts';
import { startService } from '../hub.ts';
import { loadConfig } from '../platform/config.ts';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const SHOP = parse(`${LINK}
  type Query { products: [Product] featured: [Product] }
  type Product @key(fields: "upc") { upc: String! name: String }`);
const STOCK = parse(`${LINK}
  type Product @key(fields: "upc") { upc: String! inStock: Boolean price: Int }`);
const UPCS = ['1', '2', '3'];
const FEATURED = ['2', '3'];

const schemas = {
  shop: buildSubgraphSchema({
    typeDefs: SHOP,
    resolvers: { Query: { products: () => UPCS.map((upc) => ({ upc })), featured: () => FEATURED.map((upc) => ({ upc })) } },
  }),
  stock: buildSubgraphSchema({
    typeDefs: STOCK,
    resolvers: {
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        inStock: ({ upc }: { upc: string }) => upc !== '1',
        price: ({ upc }: { upc: string }) => {
          if (upc === '2') throw new GraphQLError('no price for product 2', { extensions: { code: 'NOT_FOUND' } });
          return Number(upc) * 10;
        },
      },
    },
  }),
};
type Name = keyof typeof schemas;

const QUERY = '{ products { upc inStock } featured { upc price } }';

describe('side-by-side fetches to one subgraph', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-merging-'));
  const requests: Record<Name, number> = { shop: 0, stock: 0 };
  /** While set, stock refuses an operation with more than one root field, as a subgraph limiting them would. */
  let stockRefusesMerged = false;
  let server: Server;
  let tokens: BenchTokens;
  const gateways: Awaited<ReturnType<typeof startService>>[] = [];

  const serve = (body: { query: string; variables?: Record<string, unknown>; operationName?: string }, name: Name) => {
    const document = parse(body.query);
    const errors = validate(schemas[name], document);
    if (errors.length > 0) return { errors };
    const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')!;
    if (name === 'stock' && stockRefusesMerged && operation.selectionSet.selections.length > 1) return { errors: [{ message: 'one root field per operation' }] };
    return execute({ schema: schemas[name], document, variableValues: body.variables, operationName: body.operationName });
  };

  const startGateway = async (env: Record<string, string> = {}) => {
    const gateway = await startService(
      'gateway',
      loadConfig({ HOST: '127.0.0.1', GATEWAY_PORT: '0', HUB_DATA_DIR: dir, LOG_LEVEL: 'silent', SUPERGRAPH_PATH: join(dir, 'supergraph.graphql'), ENTITY_CACHE: 'off', ...env }),
    );
    gateways.push(gateway);
    return gateway;
  };

  /** The query's answer through `gateway`, and the requests each subgraph got for it. */
  const run = async (gateway: { url: string }) => {
    const before = { ...requests };
    const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...tokens.caller }, body: JSON.stringify({ query: QUERY }) });
    const body = (await response.json()) as { data?: { products: { upc: string; inStock: boolean }[]; featured: { upc: string; price: number | null }[] }; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
    return { body, sent: { shop: requests.shop - before.shop, stock: requests.stock - before.stock } };
  };

  before(async () => {
    server = createServer((request, response) => {
      const name = request.url?.slice(1) as Name;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        requests[name] += 1;
        const answer = await serve(JSON.parse(Buffer.concat(chunks).toString('utf8')), name);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const composed = composeServices([
      { name: 'shop', typeDefs: SHOP, url: `${base}/shop` },
      { name: 'stock', typeDefs: STOCK, url: `${base}/stock` },
    ]);
    assert.ok(composed.supergraphSdl, composed.errors?.map((error) => error.message).join('\n'));
    writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
    tokens = await mintTokens(dir);
  });
  after(async () => {
    for (const gateway of gateways) await gateway.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const assertAnswer = (body: Awaited<ReturnType<typeof run>>['body']) => {
    assert.deepEqual(body.data, {
      products: [
        { upc: '1', inStock: false },
        { upc: '2', inStock: true },
        { upc: '3', inStock: true },
      ],
      featured: [
        { upc: '2', price: null },
        { upc: '3', price: 30 },
      ],
    });
    // The one error of the merged request lands at its own fetch's path.
    assert.deepEqual(
      body.errors?.map(({ message, path, extensions }) => ({ message, path, serviceName: extensions?.serviceName })),
      [{ message: 'no price for product 2', path: ['featured', 0, 'price'], serviceName: 'stock' }],
    );
  };

  test('go out as one request, an error in one of them at its own path and the other intact', async () => {
    const gateway = await startGateway();
    const { body, sent } = await run(gateway);
    assertAnswer(body);
    assert.deepEqual(sent, { shop: 1, stock: 1 });
  });

  test('a subgraph that refuses the merged operation still answers each fetch', async () => {
    const gateway = gateways[0]!;
    stockRefusesMerged = true;
    try {
      const { body, sent } = await run(gateway);
      assertAnswer(body);
      // The merged request, then one per fetch.
      assert.deepEqual(sent, { shop: 1, stock: 3 });
    } finally {
      stockRefusesMerged = false;
    }
  });

  test('UNMERGED_SUBGRAPHS names subgraphs that get one request per fetch', async () => {
    const gateway = await startGateway({ UNMERGED_SUBGRAPHS: 'stock' });
    const { body, sent } = await run(gateway);
    assertAnswer(body);
    assert.deepEqual(sent, { shop: 1, stock: 2 });
  });
});
