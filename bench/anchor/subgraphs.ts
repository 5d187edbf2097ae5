/**
 * The four subgraphs of the public GraphQL gateways benchmark (graphql-hive/graphql-gateways-benchmark,
 * its Rust `subgraphs/*.rs`) in one plain node:http process: POST /accounts, /inventory, /products,
 * /reviews and GET /health, answering exactly what the Rust subgraphs answer (README.md here).
 * GET /metrics counts the requests each subgraph served, so the bench can report subgraph requests
 * per gateway operation.
 *
 *   node --import tsx bench/anchor/subgraphs.ts [--port 4200] [--host 0.0.0.0] [--delay-ms 0]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { mirroredCounter, Registry } from '../../platform/metrics.ts';
import type { SubgraphResolvers } from '../../platform/service/subgraph.ts';
import { metricFamily } from '../../test/metrics.ts';
import { read } from './workload.ts';
import { execute, parse, specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';


interface User { id: string; name: string; username: string; birthday: number }
interface Product { upc: string; name: string; price: number; weight: number }
interface InventoryRecord { upc: string; inStock: boolean; price: number | null; weight: number | null }
interface Review { id: string; body: string; product: { upc: string } }
interface AnchorData {
  accounts: { users: User[]; meUserId: string };
  products: { products: Product[]; topProductsDefaultFirst: number };
  inventory: { products: InventoryRecord[] };
  reviews: {
    reviews: Review[];
    authorOfEveryReview: { id: string; username: string; reviewIds: string[] };
    userEntityResolver: { username: string; reviewIds: string[] };
  };
}

export const SUBGRAPH_NAMES = ['accounts', 'inventory', 'products', 'reviews'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

function resolvers(data: AnchorData): Record<SubgraphName, SubgraphResolvers> {
  const { users, meUserId } = data.accounts;
  const { products, topProductsDefaultFirst } = data.products;
  const { reviews, authorOfEveryReview, userEntityResolver } = data.reviews;
  const byId = <T, K extends keyof T>(rows: T[], key: K) => new Map(rows.map((row) => [row[key], row]));
  const userById = byId(users, 'id');
  const productByUpc = byId(products, 'upc');
  const inventoryByUpc = byId(data.inventory.products, 'upc');
  const reviewById = byId(reviews, 'id');
  const reviewsOf = (ids: string[]) => ids.map((id) => reviewById.get(id)!);
  // The Rust resolvers unwrap lookups of unknown keys (a panic); here that is a GraphQL error.
  const found = <T>(row: T | undefined, what: string): T => {
    if (row === undefined) throw new Error(`unknown ${what}`);
    return row;
  };
  return {
    accounts: {
      Query: {
        me: () => userById.get(meUserId),
        user: (_: unknown, { id }: { id: string }) => userById.get(id) ?? null,
        users: () => users,
      },
      User: { __resolveReference: ({ id }: { id: string }) => found(userById.get(id), `user ${id}`) },
    },
    products: {
      Query: {
        // Rust casts `first` to usize: null means the default, a negative value wraps to "all".
        topProducts: (_: unknown, { first }: { first: number | null }) => {
          const count = first ?? topProductsDefaultFirst;
          return count < 0 ? products : products.slice(0, count);
        },
      },
      Product: { __resolveReference: ({ upc }: { upc: string }) => found(productByUpc.get(upc), `product ${upc}`) },
    },
    inventory: {
      // The stored record, not the representation: its own price and weight are null, so
      // shippingEstimate is null whatever the gateway sends for the @requires fields.
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => found(inventoryByUpc.get(upc), `product ${upc}`),
        shippingEstimate: (record: InventoryRecord) => {
          if (record.price !== null && record.price > 1000) return 0;
          if (record.price !== null && record.weight !== null) return Math.floor(record.weight / 2);
          return null;
        },
      },
    },
    reviews: {
      Review: {
        __resolveReference: ({ id }: { id: string }) => found(reviewById.get(id), `review ${id}`),
        product: (review: Review) => review.product,
        author: () => ({ id: authorOfEveryReview.id, username: authorOfEveryReview.username, reviews: reviewsOf(authorOfEveryReview.reviewIds) }),
      },
      User: {
        __resolveReference: ({ id }: { id: string }) => ({ id, username: userEntityResolver.username, reviews: reviewsOf(userEntityResolver.reviewIds) }),
      },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        reviews: ({ upc }: { upc: string }) => reviews.filter((review) => review.product.upc === upc),
      },
    },
  };
}

/** One subgraph's schema and its documents, parsed and validated once per distinct query string. */
class Subgraph {
  private readonly documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
  requests = 0;
  constructor(private readonly schema: GraphQLSchema) {}

  private prepare(query: string) {
    let prepared = this.documents.get(query);
    if (!prepared) {
      try {
        const document = parse(query);
        const errors = validate(this.schema, document, specifiedRules);
        prepared = errors.length > 0 ? { errors } : { document };
      } catch (error) {
        prepared = { errors: [error as GraphQLError] };
      }
      if (this.documents.size < 1000) this.documents.set(query, prepared);
    }
    return prepared;
  }

  async run(body: { query?: unknown; variables?: unknown; operationName?: unknown }) {
    this.requests++;
    if (typeof body.query !== 'string') return { errors: [{ message: 'query must be a string' }] };
    const prepared = this.prepare(body.query);
    if ('errors' in prepared) return { errors: prepared.errors };
    return execute({
      schema: this.schema,
      document: prepared.document,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    });
  }
}

export interface AnchorServerOptions {
  /** Milliseconds to wait before answering every request, like the Rust SUBGRAPH_DELAY_MS (0: none). */
  delayMs?: number;
}

export interface AnchorServer {
  server: Server;
  /** Requests each subgraph has served since start. */
  requests: () => Record<SubgraphName, number>;
}

export function createAnchorServer(options: AnchorServerOptions = {}): AnchorServer {
  const data = JSON.parse(read('data.json')) as AnchorData;
  const resolverMaps = resolvers(data);
  const subgraphs = new Map<string, Subgraph>(
    SUBGRAPH_NAMES.map((name) => [`/${name}`, new Subgraph(buildSubgraphSchema({ typeDefs: parse(read(`subgraphs/${name}.graphql`)), resolvers: resolverMaps[name] }))]),
  );
  const requests = () => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs.get(`/${name}`)!.requests])) as Record<SubgraphName, number>;
  const registry = new Registry();
  mirroredCounter({
    registry,
    name: 'anchor_subgraph_requests_total',
    help: 'Requests each anchor subgraph served.',
    labelNames: ['subgraph'],
    read: () => Object.entries(requests()).map(([subgraph, count]) => [{ subgraph }, count] as const),
  });
  const send = (response: ServerResponse, status: number, type: string, body: string) => {
    response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/health') return send(response, 200, 'text/plain', 'OK');
    if (request.method === 'GET' && path === '/metrics') {
      return send(response, 200, registry.contentType, await registry.metrics());
    }
    const subgraph = subgraphs.get(path);
    if (request.method !== 'POST' || !subgraph) return send(response, 404, 'text/plain', 'Not Found');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return send(response, 400, 'application/json', JSON.stringify({ errors: [{ message: 'body is not JSON' }] }));
    }
    send(response, 200, 'application/json', JSON.stringify(await subgraph.run(body)));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, 'application/json', JSON.stringify({ errors: [{ message: error.message }] }));
    });
  });
  server.keepAliveTimeout = 60_000;
  return { server, requests };
}

/** Reads the per-subgraph request counters from the anchor server's GET /metrics body. */
export function parseAnchorMetrics(body: string): Record<SubgraphName, number> {
  const counts = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])) as Record<SubgraphName, number>;
  for (const sample of metricFamily(body, 'anchor_subgraph_requests_total').metrics) counts[sample.labels!.subgraph as SubgraphName] = Number(sample.value);
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4200' }, host: { type: 'string', default: '0.0.0.0' }, 'delay-ms': { type: 'string', default: '0' } },
  });
  const { server } = createAnchorServer({ delayMs: Number(values['delay-ms']) || 0 });
  server.listen(Number(values.port), values.host, () => console.log(`anchor subgraphs on http://${values.host}:${values.port}/{accounts,inventory,products,reviews}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
