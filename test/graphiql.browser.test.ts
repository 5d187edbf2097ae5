/**
 * Opens the gateway's GraphiQL in headless Chromium, runs the first example and
 * checks that the page never reaches beyond the hub's own host (the hub must work offline).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHub } from './hub.ts';

let hub: Awaited<ReturnType<typeof startHub>>;
let browser: Browser;

before(async () => {
  hub = await startHub({ seedCustomers: 3 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, { timeout: 60_000 });

after(async () => {
  await browser?.close();
  await hub?.close();
});

/** Text of the CodeMirror 5 editor inside `selector`; the DOM only holds the visible lines. */
function editorValue(page: Page, selector: string): Promise<string> {
  return page.evaluate(
    (sel) => (document.querySelector(`${sel} .CodeMirror`) as unknown as { CodeMirror?: { getValue(): string } } | null)
      ?.CodeMirror?.getValue() ?? '',
    selector,
  );
}

test('GraphiQL loads offline, asks for a token, and runs the unified customer view with the pasted one', { timeout: 60_000 }, async () => {
  const hubHost = new URL(hub.gatewayUrl).host;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const offHost: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  try {
    // Anything not for the hub is aborted, so a stray request also fails the page visibly.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.host === hubHost ? route.continue() : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('request', (request) => {
      const url = request.url();
      requests.push(`${request.method()} ${url}`);
      if (new URL(url).host !== hubHost) offHost.push(url);
    });
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /customer\(id/.test(request.postData() ?? '')) authorizations.push(request.headers().authorization ?? '');
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    const response = await page.goto(hub.gatewayUrl, { waitUntil: 'load' });
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-type'] ?? '', /text\/html/);

    // The first example opens as the active tab.
    const activeTab = page.locator('.graphiql-tab[aria-selected="true"]');
    await activeTab.filter({ hasText: 'CustomerView' }).waitFor({ timeout: 10_000 });
    assert.match(await editorValue(page, '.graphiql-query-editor'), /Unified customer view[\s\S]*customer\(id: \$id\)/);
    assert.equal(await page.locator('.graphiql-tab').count(), 3);

    // Without a token the page says the graph needs one; the pasted token is sent with every request.
    await page.locator('.hub-token-hint').waitFor({ timeout: 10_000 });
    await page.locator('#hub-token').fill(await hub.token('analyst'));
    await page.locator('.hub-token-hint').waitFor({ state: 'detached', timeout: 10_000 });
    assert.ok((await page.evaluate(() => localStorage.getItem('hub.token')))?.startsWith('ey'), 'the token is kept for the next visit');

    await page.locator('.graphiql-execute-button').click();
    // Wait for any response, so a failing query shows its errors instead of timing out.
    await page.waitForFunction(
      () => {
        const cm = (document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror?: { getValue(): string } } | null)?.CodeMirror;
        return /"(data|errors)"/.test(cm?.getValue() ?? '');
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.screenshot({ path: '/tmp/graphiql.png' });

    const shown = await editorValue(page, '.result-window');
    const result = JSON.parse(shown) as { data?: { customer?: { name?: unknown } | null }; errors?: unknown };
    assert.equal(result.errors, undefined, `the result pane shows errors: ${shown.slice(0, 2000)}`);
    assert.match(shown, /"customer"/);
    assert.equal(typeof result.data?.customer?.name, 'string');
    assert.notEqual(result.data?.customer?.name, '');

    assert.deepEqual(offHost, [], 'requests left the hub host');
    assert.ok(requests.some((r) => r.startsWith('POST ')), 'the page sent the query to the hub');
    assert.ok(authorizations.length > 0 && authorizations.every((value) => value.startsWith('Bearer ey')), 'the queries carried the token');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(cspViolations, []);
  } finally {
    await context.close();
  }
});
