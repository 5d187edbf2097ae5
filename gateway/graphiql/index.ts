/**
 * Serves GraphiQL from the gateway itself, fully offline: the page, its script
 * and its stylesheet all come from this server (built into gateway/pages/dist/ by
 * gateway/pages/build.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadAsset, notBuilt, pageHtml, registerAssets, sendPage } from '../pages/assets.ts';

/** An operation opened as a tab when the page loads. */
export interface GraphiqlExample {
  /** Human name, shown as a comment on the first line of the tab. */
  name: string;
  /** GraphQL document. */
  query: string;
  /** Variables as a JSON string. */
  variables?: string;
}

/** Options of {@link registerGraphiql}. */
export interface GraphiqlOptions {
  /** Path of the GraphQL endpoint, e.g. `/graphql`; the page is served there too. */
  endpoint: string;
  /** Operations opened as tabs; none gives GraphiQL's empty editor. */
  examples?: GraphiqlExample[];
}

/** What the server hands the page in `<script type="application/json" id="graphiql-config">`. */
export interface GraphiqlPageConfig {
  /** GraphQL endpoint, resolved by the page against its own URL. */
  endpoint: string;
  examples: GraphiqlExample[];
}

/** Example operations of the hub, opened as tabs on the gateway's GraphiQL page. */
export const DEFAULT_EXAMPLES: GraphiqlExample[] = [
  {
    name: 'Unified customer view',
    query: `query CustomerView($id: ID! = "cus_000001") {
  customer(id: $id) {
    id name segment region currency accountOwner
    contacts { name email title primary }
    contracts { number status planCode seats startDate endDate value { amount currency } renewal { renewalDate risk stage } }
    subscriptions { planCode seats status interval mrr { amount currency } }
    invoices(first: 5) { number status issuedAt dueDate total { amount currency } amountDue { amount } posting { status period rejectionReason } }
    balance { amount currency }
    overdueAmount { amount currency }
    receivable { balance { amount currency } aging { current { amount } days1to30 { amount } days31to60 { amount } days61to90 { amount } over90 { amount } } }
    health { score grade trend factors { name score weight } }
    renewals { renewalDate stage risk riskReasons forecastArr { amount currency } }
    onboarding { status milestones { name status dueDate } }
  }
}
`,
  },
  {
    name: 'Overdue invoices',
    query: `query OverdueInvoices {
  invoices(first: 20, filter: { overdue: true }) {
    totalCount
    nodes { number dueDate amountDue { amount currency } customer { name accountOwner } posting { status } }
  }
}
`,
  },
  {
    name: 'Renewals at risk',
    query: `query RenewalsAtRisk {
  renewalsDue(withinDays: 120, risk: HIGH) {
    renewalDate stage risk riskReasons forecastArr { amount currency }
    customer { name segment health { score grade } }
    contract { number seats value { amount currency } }
  }
}
`,
  },
];

const ASSET_PREFIX = '/graphiql/';
const ASSETS = ['graphiql.js', 'graphiql.css'] as const;

// Media types a GraphQL client asks for; a browser asks for text/html ahead of these.
const GRAPHQL_MEDIA_TYPES = new Set([
  'application/graphql-response+json',
  'application/json',
  'multipart/mixed',
  'text/event-stream',
]);

/** True when the Accept header ranks text/html above every GraphQL response type. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let graphql = 0;
  for (const range of accept.toLowerCase().split(',')) {
    const [type = '', ...params] = range.split(';').map((s) => s.trim());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2)) || 0;
    if (type === 'text/html') html = Math.max(html, q);
    else if (GRAPHQL_MEDIA_TYPES.has(type)) graphql = Math.max(graphql, q);
  }
  return html > graphql;
}

/**
 * Serves GraphiQL on `GET <endpoint>` for browsers, plus its assets under `/graphiql/`.
 *
 * The page is answered from an `onRequest` hook, and only for GETs whose Accept
 * header prefers text/html and that carry no `query` parameter; every other request
 * falls through to the GraphQL-over-HTTP handlers on the same path. Register it on
 * the root instance so the hook sees requests to the endpoint.
 */
export function registerGraphiql(app: FastifyInstance, options: GraphiqlOptions): void {
  const config: GraphiqlPageConfig = { endpoint: options.endpoint, examples: options.examples ?? [] };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET') return;
    const [path, search = ''] = request.url.split('?', 2);
    if (path !== options.endpoint || !prefersHtml(request.headers.accept)) return;
    // A GET with a query is a GraphQL request typed into the address bar: let it run.
    if (new URLSearchParams(search).has('query')) return;
    const [js, css] = await Promise.all([loadAsset('graphiql.js'), loadAsset('graphiql.css')]);
    if (!js || !css) return notBuilt(reply, 'GraphiQL');
    return sendPage(reply.header('vary', 'Accept'), pageHtml({ title: 'GraphiQL', root: 'graphiql', bundle: 'graphiql', prefix: ASSET_PREFIX, js, css }, config, 'Loading GraphiQL…'));
  });

  registerAssets(app, ASSET_PREFIX, ASSETS, 'GraphiQL');
}
