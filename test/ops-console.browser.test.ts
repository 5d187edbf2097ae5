/**
 * Drives the ops console (/ops) in headless Chromium: a token without ops:read is refused; an ops
 * token sees the charts draw, a new exception appear live (a sale posted into a closed period),
 * its run's timeline with links into GraphiQL, resolves it and replays a dead letter from the
 * console; an analyst's token sees the actions disabled. Screenshots are kept in test/artifacts/
 * (git-ignored).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { today } from '../platform/dates.ts';
import { graphql } from './generated/index.ts';
import { query } from './graphql.ts';
import { startHub } from './hub.ts';
import { winDeal } from './deals.ts';
import { closePeriod, reopenPeriod } from './periods.ts';
import { receivedPaymentEvent } from './payments.ts';
import { waitFor } from './wait.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

const Replays = graphql(/* GraphQL */ `
  query OpsConsoleTestReplays { auditTrail(filter: { operation: "replayDeadLetter" }) { nodes { actor outcome arguments } } }
`);
const ResolvedExceptions = graphql(/* GraphQL */ `
  query OpsConsoleTestResolved { exceptions(status: RESOLVED, first: 200) { id correlationId status resolutionNote } }
`);

let hub: Awaited<ReturnType<typeof startHub>>;
let browser: Browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Few, quick retries, so a poison event is a dead letter within a second or two.
  hub = await startHub({ seedCustomers: 3, env: { CONSUMER_MAX_ATTEMPTS: '2', CONSUMER_RETRY_BASE_MS: '200' } });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, { timeout: 120_000 });

after(async () => {
  await browser?.close();
  await hub?.close();
});

/**
 * Runs `body` on the console in a browser context of its own, which reaches the console's host
 * only: afterwards no request may have left it, and the page may have logged no error.
 */
async function withConsole(viewport: { width: number; height: number }, body: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport });
  const offHost: string[] = [];
  const pageErrors: string[] = [];
  try {
    await body(await openConsole(context, offHost, pageErrors), context);
    assert.deepEqual(offHost, [], 'requests left the hub host');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
}

/** A page on the console's host only: anything else is aborted and recorded. */
async function openConsole(context: BrowserContext, offHost: string[], pageErrors: string[]): Promise<Page> {
  const hubHost = new URL(hub.gatewayUrl).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === hubHost) return route.continue();
    offHost.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  const response = await page.goto(new URL('/ops', hub.gatewayUrl).href, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);
  assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
  return page;
}

async function signIn(page: Page, role: string): Promise<void> {
  await page.locator('#ops-token').fill(await hub.token(role));
}

const CHARTS = ['latency', 'lag', 'exceptions', 'dead-letters', 'funnel'];

/** A sale whose invoice is posted into the closed current period: ops opens a POSTING_REJECTED exception. */
async function saleIntoClosedPeriod(correlationId: string): Promise<void> {
  await winDeal(hub.gatewayUrl, { name: `Console ${correlationId}`, amount: '12000.00', seats: 10, headers: { 'x-correlation-id': correlationId } });
}

test('a token without ops:read is refused with the scope it lacks', { timeout: 60_000 }, async () => {
  await withConsole({ width: 800, height: 600 }, async (page) => {
    await page.locator('.ops-hint').waitFor({ timeout: 10_000 });
    await signIn(page, 'finance');
    const refused = page.locator('.ops-refused');
    await refused.waitFor({ timeout: 10_000 });
    assert.match(await refused.innerText(), /finance@hub\.local \(finance\) lacks scope ops:read[\s\S]*roles ops, analyst, admin/);
    assert.equal(await page.locator('.ops-board').isVisible(), false);
    await page.screenshot({ path: join(ARTIFACTS, 'ops-console-refused.png') });
  });
});

test('the ops role sees live charts, a new exception arrive, its timeline, resolves it and replays a dead letter', { timeout: 120_000 }, async () => {
  const period = today().slice(0, 7);
  try {
    await withConsole({ width: 800, height: 1000 }, async (page, context) => {
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      await signIn(page, 'ops');

      // Every chart draws data, and the subscription is up.
      for (const chart of CHARTS) {
        await page.waitForFunction((id) => Number(document.getElementById(`chart-${id}`)?.dataset.points) > 0, chart, { timeout: 15_000 });
      }
      await page.locator('.ops-live[data-state="live"]').waitFor({ timeout: 10_000 });
      assert.ok(sockets.some((url) => new URL(url).pathname === '/graphql'), 'the console subscribed over graphql-ws');
      const funnel = await page.locator('#card-funnel .ops-note').innerText();
      assert.match(funnel, /^\d+ runs · \d+ completed/);
      await page.screenshot({ path: join(ARTIFACTS, 'ops-console-signed-in.png'), fullPage: true });

      // A write into a closed period: the exception shows up without a reload.
      const before = Number(await page.evaluate(() => document.getElementById('ops-console')?.dataset.events ?? '0'));
      await closePeriod(hub.gatewayUrl, period);
      const correlationId = `console-${randomUUID()}`;
      await saleIntoClosedPeriod(correlationId);
      const row = page.locator(`#exceptions tr[data-correlation-id="${correlationId}"]`);
      await row.waitFor({ timeout: 20_000 });
      assert.match(await row.innerText(), /finance-ops[\s\S]*POSTING_REJECTED/);
      const after = Number(await page.evaluate(() => document.getElementById('ops-console')?.dataset.events ?? '0'));
      assert.ok(after > before, `events arrived over the subscription (${before} → ${after})`);
      await page.screenshot({ path: join(ARTIFACTS, 'ops-console-new-exception.png'), fullPage: true });

      // Its run's timeline: the steps on a time axis, posting not done, links into GraphiQL.
      await row.locator('button.ops-link').click();
      await page.waitForFunction((id) => document.getElementById('timeline')?.dataset.correlationId === id, correlationId, { timeout: 10_000 });
      await page.waitForFunction(() => Number(document.getElementById('chart-timeline')?.dataset.points) > 0, undefined, { timeout: 10_000 });
      const steps = await page.locator('#timeline .ops-steps li').allInnerTexts();
      assert.ok(steps.some((step) => /^CONTRACT_ACTIVATED CRM at /.test(step)), steps.join('\n'));
      assert.ok(steps.some((step) => /^INVOICE_POSTED ERP pending/.test(step)), steps.join('\n'));
      assert.match(await page.locator('#timeline .ops-note').innerText(), /quote-to-cash · EXCEPTION/);
      const link = await page.locator('#timeline a.ops-graphiql-link').first().getAttribute('href');
      assert.ok(link?.startsWith('/graphql#query='), `a GraphiQL link: ${link}`);
      await page.locator('#timeline').screenshot({ path: join(ARTIFACTS, 'ops-console-timeline.png') });

      // The link opens GraphiQL with the run's query and its correlation id.
      const graphiql = await context.newPage();
      await graphiql.goto(new URL(link!, hub.gatewayUrl).href, { waitUntil: 'load' });
      await graphiql.locator('.graphiql-tab[aria-selected="true"]').filter({ hasText: 'WorkflowRun' }).waitFor({ timeout: 15_000 });
      const editors = await graphiql.evaluate(() =>
        Array.from(document.querySelectorAll('.CodeMirror'), (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue()),
      );
      assert.ok(editors.some((value) => value.includes('workflow(correlationId: $correlationId)')), 'the query is in the editor');
      assert.ok(editors.some((value) => value.includes(correlationId)), 'the variables carry the correlation id');
      await graphiql.close();

      // Resolve it from the console.
      await row.locator('.ops-note-input').fill('period reopened; posted by hand');
      await row.getByRole('button', { name: 'Resolve' }).click();
      await row.waitFor({ state: 'detached', timeout: 15_000 });
      const { exceptions } = await query(hub.gatewayUrl, ResolvedExceptions, {});
      const resolved = exceptions.find((exception) => exception.correlationId === correlationId);
      assert.equal(resolved?.status, 'RESOLVED');
      assert.equal(resolved?.resolutionNote, 'period reopened; posted by hand');
      await page.screenshot({ path: join(ARTIFACTS, 'ops-console-resolved.png'), fullPage: true });

      // An event erp cannot apply (its invoice is unknown) becomes a dead letter; replay it from the console.
      const poison = receivedPaymentEvent({ id: 'pay_console', invoiceId: 'inv_unknown', correlation: 'poison' });
      await hub.stream.publish([poison]);
      const letter = page.locator('#dead-letters tr[data-status="DEAD"]').filter({ hasText: 'Payment:pay_console' });
      await letter.waitFor({ timeout: 30_000 });
      const letterId = await letter.getAttribute('data-id');
      const answered = page.waitForResponse((response) => response.request().postData()?.includes('OpsConsoleReplayDeadLetter') ?? false);
      await letter.getByRole('button', { name: 'Replay' }).click();
      const replay = (await (await answered).json()) as { data?: { replayDeadLetter: { id: string; status: string } }; errors?: unknown };
      assert.equal(replay.errors, undefined);
      assert.deepEqual(replay.data?.replayDeadLetter, { id: letterId, status: 'REPLAYING' });
      // The trail is filed from audit.recorded events, so the entry arrives a moment after the answer.
      await waitFor('the replay in the audit trail, as the console\'s caller', async () => {
        const { auditTrail } = await query(hub.gatewayUrl, Replays, {});
        return auditTrail.nodes.find((entry) => entry.actor === 'ops@hub.local' && entry.outcome === 'OK' && (entry.arguments as { id?: string }).id === letterId);
      }, 20_000);
    });
  } finally {
    await reopenPeriod(hub.gatewayUrl, period, 'ops console test done').catch(() => undefined);
  }
});

test('an analyst (ops:read without ops:write) sees the lists with their actions disabled', { timeout: 60_000 }, async () => {
  const period = today().slice(0, 7);
  try {
    await withConsole({ width: 1100, height: 900 }, async (page) => {
      await signIn(page, 'analyst');
      await page.waitForFunction(() => Number(document.getElementById('chart-funnel')?.dataset.points) > 0, undefined, { timeout: 15_000 });
      await closePeriod(hub.gatewayUrl, period);
      const correlationId = `console-analyst-${randomUUID()}`;
      await saleIntoClosedPeriod(correlationId);
      await page.locator(`#exceptions tr[data-correlation-id="${correlationId}"]`).waitFor({ timeout: 20_000 });
      const buttons = page.locator('#exceptions button, #dead-letters button').filter({ hasText: /Resolve|Replay/ });
      const count = await buttons.count();
      assert.ok(count > 0);
      for (let index = 0; index < count; index++) {
        assert.equal(await buttons.nth(index).isDisabled(), true);
        assert.equal(await buttons.nth(index).getAttribute('title'), 'Needs scope ops:write');
      }
      assert.equal(await page.locator('#exceptions .ops-note-input').count(), 0, 'no note to write without ops:write');
      await page.screenshot({ path: join(ARTIFACTS, 'ops-console-analyst.png'), fullPage: true });
    });
  } finally {
    await reopenPeriod(hub.gatewayUrl, period, 'ops console test done').catch(() => undefined);
  }
});
