/**
 * The floor of the hub's read workloads: one process that answers customer360, customersPage and
 * overdueInvoices with direct SQL on the same databases, no federation and no GraphQL execution.
 * It reads the same rows and returns the same JSON shape; the health score is a plain average of
 * the stored factor and payment scores (a stand-in for customer success's formula).
 *
 *   node --import tsx bench/sql-floor.ts --port N --crm URL --billing URL --erp URL --customer-success URL --ops URL
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4300' },
    crm: { type: 'string' },
    billing: { type: 'string' },
    erp: { type: 'string' },
    'customer-success': { type: 'string' },
    ops: { type: 'string' },
  },
});
// As many connections as each subgraph's pool, handed back 1 s after its load ends: the next gateway's
// subgraphs need theirs, and PostgreSQL's max_connections (100 by default) does not fit both.
const pool = (url: string | undefined) => new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 1000 });
const crm = pool(values.crm);
const billing = pool(values.billing);
const erp = pool(values.erp);
const cs = pool(values['customer-success']);

type Row = Record<string, unknown>;
const rows = async (db: pg.Pool, sql: string, params: unknown[]) => (await db.query(sql, params)).rows as Row[];
const money = (amount: unknown, currency: unknown) => ({ amount: String(amount), currency });
const group = (list: Row[], key: string) => {
  const map = new Map<unknown, Row[]>();
  for (const row of list) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
  return map;
};
const grade = (score: number) => (score >= 80 ? 'A' : score >= 60 ? 'B' : score >= 40 ? 'C' : 'D');

async function health(ids: string[]) {
  const scores = await rows(
    cs,
    `SELECT customer_id, round(avg(score))::int AS score FROM (
       SELECT customer_id, score FROM health_factors WHERE customer_id = ANY($1)
       UNION ALL SELECT customer_id, score FROM payment_scores WHERE customer_id = ANY($1)) s GROUP BY customer_id`,
    [ids],
  );
  return new Map(scores.map((row) => [row.customer_id, { score: row.score, grade: grade(Number(row.score)) }]));
}

async function postings(invoiceIds: unknown[]) {
  const list = await rows(erp, 'SELECT invoice_id, status, period FROM postings WHERE invoice_id = ANY($1)', [invoiceIds]);
  return new Map(list.map((row) => [row.invoice_id, { status: row.status, period: row.period }]));
}

/** Newest invoices per customer, `limit` each. */
const latestInvoices = (ids: string[], limit: number) =>
  rows(
    billing,
    `SELECT * FROM (SELECT i.*, row_number() OVER (PARTITION BY customer_id ORDER BY issued_at DESC NULLS LAST, id DESC) AS n
       FROM invoices i WHERE customer_id = ANY($1)) x WHERE n <= $2`,
    [ids, limit],
  );

async function customer360(id: string) {
  const [customers, contacts, contracts, subscriptions, invoices, totals, renewals, healths] = await Promise.all([
    rows(crm, 'SELECT * FROM customers WHERE id = $1', [id]),
    rows(crm, 'SELECT * FROM contacts WHERE customer_id = $1 ORDER BY id', [id]),
    rows(crm, 'SELECT * FROM contracts WHERE customer_id = $1 ORDER BY start_date DESC', [id]),
    rows(billing, 'SELECT * FROM subscriptions WHERE customer_id = $1 ORDER BY created_at DESC', [id]),
    latestInvoices([id], 5),
    rows(
      billing,
      `SELECT coalesce(sum(total - amount_paid), 0) AS balance,
              coalesce(sum(total - amount_paid) FILTER (WHERE due_date < current_date), 0) AS overdue
         FROM invoices WHERE customer_id = $1 AND status = 'OPEN'`,
      [id],
    ),
    rows(cs, 'SELECT * FROM renewals WHERE customer_id = $1 ORDER BY renewal_date', [id]),
    health([id]),
  ]);
  const customer = customers[0];
  if (!customer) return null;
  const posted = await postings(invoices.map((invoice) => invoice.id));
  const renewalOf = new Map(renewals.map((renewal) => [renewal.contract_id, renewal]));
  const currency = customer.currency;
  return {
    id: customer.id,
    name: customer.name,
    segment: customer.segment,
    region: customer.region,
    accountOwner: customer.account_owner,
    contacts: contacts.map((c) => ({ name: c.name, email: c.email, title: c.title, primary: c.is_primary })),
    contracts: contracts.map((c) => {
      const renewal = renewalOf.get(c.id);
      return {
        number: c.number,
        status: c.status,
        seats: c.seats,
        endDate: c.end_date,
        value: money(c.value, c.currency),
        renewal: renewal ? { renewalDate: renewal.renewal_date, risk: renewal.risk } : null,
      };
    }),
    subscriptions: subscriptions.map((s) => ({ planCode: s.plan_code, seats: s.seats, status: s.status })),
    invoices: invoices.map((i) => ({
      number: i.number,
      status: i.status,
      dueDate: i.due_date,
      total: money(i.total, i.currency),
      amountDue: { amount: (Number(i.total) - Number(i.amount_paid)).toFixed(2) },
      posting: posted.get(i.id) ?? null,
    })),
    balance: money(totals[0].balance, currency),
    overdueAmount: { amount: String(totals[0].overdue) },
    health: healths.get(customer.id) ?? null,
    renewals: renewals.map((r) => ({ renewalDate: r.renewal_date, stage: r.stage, risk: r.risk })),
  };
}

async function customersPage(first: number) {
  const customers = await rows(crm, 'SELECT id, name FROM customers ORDER BY id LIMIT $1', [first]);
  const ids = customers.map((c) => c.id as string);
  const [contracts, subscriptions, invoices, healths] = await Promise.all([
    rows(crm, 'SELECT customer_id, number, status FROM contracts WHERE customer_id = ANY($1) ORDER BY start_date DESC', [ids]),
    rows(billing, 'SELECT customer_id, plan_code, status FROM subscriptions WHERE customer_id = ANY($1) ORDER BY created_at DESC', [ids]),
    latestInvoices(ids, 3),
    health(ids),
  ]);
  const posted = await postings(invoices.map((invoice) => invoice.id));
  const [contractsOf, subscriptionsOf, invoicesOf] = [group(contracts, 'customer_id'), group(subscriptions, 'customer_id'), group(invoices, 'customer_id')];
  return {
    nodes: customers.map((c) => ({
      id: c.id,
      name: c.name,
      contracts: (contractsOf.get(c.id) ?? []).map((k) => ({ number: k.number, status: k.status })),
      subscriptions: (subscriptionsOf.get(c.id) ?? []).map((s) => ({ planCode: s.plan_code, status: s.status })),
      invoices: (invoicesOf.get(c.id) ?? []).map((i) => ({ number: i.number, total: money(i.total, i.currency), posting: posted.get(i.id) ?? null })),
      health: healths.get(c.id) ?? null,
    })),
  };
}

async function overdueInvoices() {
  const overdue = `FROM invoices WHERE status = 'OPEN' AND due_date < current_date AND total > amount_paid`;
  const [invoices, count] = await Promise.all([
    rows(billing, `SELECT * ${overdue} ORDER BY issued_at DESC NULLS LAST, id DESC LIMIT 20`, []),
    rows(billing, `SELECT count(*)::int AS n ${overdue}`, []),
  ]);
  const ids = [...new Set(invoices.map((i) => i.customer_id as string))];
  const [customers, renewals, posted] = await Promise.all([
    rows(crm, 'SELECT id, name, account_owner FROM customers WHERE id = ANY($1)', [ids]),
    rows(cs, 'SELECT customer_id, risk FROM renewals WHERE customer_id = ANY($1) ORDER BY renewal_date', [ids]),
    postings(invoices.map((i) => i.id)),
  ]);
  const customerOf = new Map(customers.map((c) => [c.id, c]));
  const renewalsOf = group(renewals, 'customer_id');
  return {
    totalCount: count[0].n,
    nodes: invoices.map((i) => {
      const customer = customerOf.get(i.customer_id);
      return {
        number: i.number,
        dueDate: i.due_date,
        amountDue: money((Number(i.total) - Number(i.amount_paid)).toFixed(2), i.currency),
        customer: customer ? { name: customer.name, accountOwner: customer.account_owner, renewals: (renewalsOf.get(customer.id) ?? []).map((r) => ({ risk: r.risk })) } : null,
        posting: posted.get(i.id) ?? null,
      };
    }),
  };
}

/** The operation a request names by its first line: the bench sends only these. */
async function answer(body: { query?: string; variables?: Record<string, unknown> }): Promise<unknown> {
  const query = body.query ?? '';
  if (query.startsWith('query Customer360')) return { data: { customer: await customer360(String(body.variables?.id)) } };
  if (query.startsWith('query CustomersPage')) return { data: { customers: await customersPage(Number(body.variables?.first ?? 20)) } };
  if (query.startsWith('query OverdueInvoices')) return { data: { invoices: await overdueInvoices() } };
  if (query.trim() === '{ __typename }') return { data: { __typename: 'Query' } };
  return { errors: [{ message: 'The SQL floor answers only the bench operations customer360, customersPage and overdueInvoices.' }] };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    Promise.resolve()
      .then(() => answer(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      .then(
        (result) => [200, result] as const,
        (error: Error) => [500, { errors: [{ message: error.message }] }] as const,
      )
      .then(([status, result]) => {
        const text = JSON.stringify(result);
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        response.end(text);
      });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(values.port), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => Promise.all([crm, billing, erp, cs].map((p) => p.end())).then(() => process.exit(0))));
