/**
 * The README runs as written: every fenced block of README.md runs against one hub seeded as a
 * first start seeds it (200 customers), unless NOT_RUN says why not, so the README cannot drift
 * from the product. A new block runs by default; a block in a language this test does not know
 * fails it.
 * - `graphql`: sent to the gateway with a token of `admin` (the one the quick start pastes into
 *   GraphiQL), or of the role a `# role: <role>` line names, and the variables a
 *   `# variables: {…}` line gives; it must answer without errors. A subscription goes over
 *   graphql-ws and must deliver the event of a payment the test records on the seed's open invoice.
 * - `sh`: runs in bash (-e, pipefail) in a scratch folder that mirrors the repository by links (so
 *   what a block writes stays there), with the hub's HUB_DATA_DIR (so `npm run token` signs for
 *   it) and `localhost:4000` rewritten to the hub's address. It must exit 0 and print one GraphQL
 *   response without errors per `curl`.
 * - `js` (the graphql-ws program): runs as a file with a token in TOKEN; it must print the event of
 *   a payment the test records while it runs (then the test stops it), and stop by itself on a
 *   refused token.
 * - `json` (a sample answer): it must parse, and every `extensions.code` in it must be one of the
 *   hub's error codes.
 * - no language: a picture (architecture, layout), not a command.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { addDays } from '../platform/dates.ts';
import { ErrorCode } from '../platform/errors.ts';
import { readMetric } from './metrics.ts';
import { SeedGenerator } from '../seed/generate.ts';
import { query, request } from './graphql.ts';
import { startHub, type TestHub } from './hub.ts';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** What the README's "Demo data" says the default seed always makes; the examples use these ids. */
const SEEDED = { customer: 'cus_000004', invoice: 'inv_000023', currency: 'USD', total: '21000.00' };

/** `VAR=value … npm start`: settings the examples after it need the hub to run with. */
const HUB_SETTINGS = /^((?:[A-Z_]+=\S+ )+)npm start$/;

/** `sh` blocks not run, and why; the first that matches a block says. */
const NOT_RUN: { match: RegExp; reason: string }[] = [
  { match: HUB_SETTINGS, reason: 'would start a second hub: the test\'s hub runs with these variables instead' },
  {
    match: /\bnpm start\b/,
    reason: 'starts a hub on the default ports that runs until stopped (`npm install` is done): the test\'s hub starts as `npm start` does (test/hub.ts), and test/cli.test.ts runs `npm start`',
  },
  { match: /\bnpm (test|run test:)/, reason: 'the test suite this test belongs to' },
  { match: /\bdocker\b/, reason: 'needs a Docker engine; test/deployment.test.ts holds docker-compose.yml to the code' },
  { match: /\bnpm run seed\b/, reason: 'writes demo data into databases it names (10,000 customers take minutes); test/cli.test.ts runs the seed CLI' },
  { match: /\bnpm run bench\b/, reason: 'the benchmark runs for minutes' },
  {
    match: /\bnpm run schema:release\b/,
    reason: 'releases write schema/ of the repository the scratch folder links to; test/schema-governance.test.ts runs schema:check and schema:release on a copy of the project',
  },
];

/** Blocks that run before the hub starts, because it reads what they write at start (the manifest its PERSISTED_DOCUMENTS_DIR names). */
const BEFORE_HUB = /^npm run -s documents\b/m;

interface Block {
  lang: string;
  code: string;
  /** Line of the opening fence in README.md. */
  line: number;
  heading: string;
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let heading = '';
  let open: { lang: string; line: number; lines: string[] } | undefined;
  markdown.split('\n').forEach((text, index) => {
    if (open) {
      if (text.startsWith('```')) {
        blocks.push({ lang: open.lang, code: open.lines.join('\n'), line: open.line, heading });
        open = undefined;
      } else open.lines.push(text);
      return;
    }
    const fence = /^```(\S*)\s*$/.exec(text);
    if (fence) open = { lang: fence[1], line: index + 1, lines: [] };
    else if (/^#{1,4} /.test(text)) heading = text.replace(/^#+ /, '');
  });
  assert.equal(open, undefined, 'every fence of README.md is closed');
  return blocks;
}

const blocks = fencedBlocks(readme);
const notRun = (block: Block) => (block.lang === 'sh' ? NOT_RUN.find((entry) => entry.match.test(block.code)) : undefined);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let hub: TestHub;
/** The scratch folder the shell blocks and the program run in. */
let sandbox: string;
const ranBeforeHub = new Map<Block, Run>();

/** Not linked: the trusted-documents example reads `app/` and writes `persisted/` (a clone that followed the README has its own); `.data` is a local hub's. */
const NOT_LINKED = new Set(['app', 'persisted', '.git', '.data']);

/** A folder whose entries link to the repository's, so `npm run …` works there and files written there stay there. */
function mirrorRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-readme-'));
  for (const name of readdirSync(root)) if (!NOT_LINKED.has(name)) symlinkSync(join(root, name), join(dir, name));
  return dir;
}

/** Runs a command in the sandbox; resolves when it exits, killing it after `ms`. */
function runIn(command: string, args: string[], env: Record<string, string>, ms = 60_000): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: sandbox, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** The block's text as it runs here: the README's `localhost:4000` is the test hub. */
function againstHub(code: string): string {
  return code.replaceAll('localhost:4000', new URL(hub.gateway.url).host);
}

function shell(code: string, env: Record<string, string> = {}): Promise<Run> {
  return runIn('bash', ['-e', '-o', 'pipefail', '-c', code], env);
}

/** The JSON objects printed one after another (curl ends a response with no newline); text between them is skipped. */
function jsonObjects(text: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  let escaped = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"' && depth > 0) inString = true;
    else if (char === '{' && depth++ === 0) start = index;
    else if (char === '}' && depth > 0 && --depth === 0) objects.push(JSON.parse(text.slice(start, index + 1)) as Record<string, unknown>);
  }
  return objects;
}

async function streaming(): Promise<number> {
  return readMetric(await (await fetch(`${hub.gateway.url}/metrics`)).text(), 'gateway_subscriptions_streaming');
}

/**
 * Waits until the count of subscriptions streaming from their subgraph satisfies `ready`: above
 * the count before subscribing, so a payment made next reaches the new one; back to it after
 * closing, so the next baseline is right.
 */
async function streamingUntil(what: string, ready: (count: number) => boolean, stillRunning: () => void = () => undefined): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ready(await streaming())) {
    stillRunning();
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let payments = 0;
/** Records a payment of 1.00 on the seed's open invoice, as billing, under a key of its own. */
async function pay(): Promise<void> {
  await query(
    hub.gatewayUrl,
    'mutation ($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id } }',
    { input: { invoiceId: SEEDED.invoice, amount: '1.00', method: 'wire' }, key: `readme-test-${process.pid}-${++payments}` },
    { authorization: `Bearer ${await hub.token('billing')}` },
  );
}

before(async () => {
  sandbox = mirrorRepository();
  // The app whose operations the trusted-documents example registers.
  mkdirSync(join(sandbox, 'app', 'operations'), { recursive: true });
  writeFileSync(join(sandbox, 'app', 'operations', 'customers.graphql'), 'query CustomerCount {\n  customers(first: 1) { totalCount }\n}\n');
  for (const block of blocks.filter((block) => block.lang === 'sh' && BEFORE_HUB.test(block.code))) {
    assert.doesNotMatch(block.code, /localhost:4000/, 'a block that runs before the hub does not call it');
    ranBeforeHub.set(block, await shell(block.code));
  }
  const settings = blocks.flatMap((block) => {
    const match = block.lang === 'sh' ? HUB_SETTINGS.exec(block.code) : null;
    return match ? match[1].trim().split(/ +/) : [];
  });
  const env = Object.fromEntries(
    settings.map((setting) => {
      const [name, value] = setting.split(/=(.*)/);
      return [name, value.startsWith('./') ? resolve(sandbox, value) : value];
    }),
  );
  hub = await startHub({ seedCustomers: 200, env });
});

after(async () => {
  await hub?.close();
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

async function runGraphql(block: Block): Promise<void> {
  const role = /^# role: (\S+)$/m.exec(block.code)?.[1] ?? 'admin';
  const variablesLine = /^# variables: (.+)$/m.exec(block.code)?.[1];
  const variables = variablesLine ? (JSON.parse(variablesLine) as Record<string, unknown>) : undefined;
  const token = await hub.token(role);
  const operation = getOperationAST(parse(block.code));
  assert.ok(operation, 'the block is one operation');
  if (operation.operation !== 'subscription') {
    const response = await request<unknown, unknown>(hub.gatewayUrl, block.code, variables, { authorization: `Bearer ${token}` });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.equal(response.status, 200);
    assert.ok(response.data);
    return;
  }
  const client = createClient({
    url: hub.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const from = await streaming();
  try {
    const events = client.iterate<Record<string, { payment: { amount: { amount: string } } }>>({ query: block.code, variables });
    const first = events.next();
    await streamingUntil('the subscription to stream', (count) => count > from);
    await pay();
    let timer: NodeJS.Timeout | undefined;
    const event = await Promise.race([
      first,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no event within 30 s of the payment')), 30_000))),
    ]).finally(() => clearTimeout(timer));
    assert.equal(event.done, false);
    assert.equal(event.value.errors, undefined, JSON.stringify(event.value.errors));
    const [payload] = Object.values(event.value.data ?? {});
    assert.equal(payload.payment.amount.amount, '1.00', 'the event is the payment just recorded');
    await events.return?.();
  } finally {
    await client.dispose();
  }
  await streamingUntil('the subscription to end', (count) => count <= from);
}

async function runShell(block: Block): Promise<void> {
  const run = ranBeforeHub.get(block) ?? (await shell(againstHub(block.code), { HUB_DATA_DIR: hub.dataDir }));
  assert.equal(run.code, 0, `exit ${run.code}\n${run.stderr}`);
  const responses = jsonObjects(run.stdout);
  const curls = block.code.match(/^\s*curl\b/gm)?.length ?? 0;
  assert.equal(responses.length, curls, `one GraphQL response per curl, got:\n${run.stdout}\n${run.stderr}`);
  for (const response of responses) {
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.ok(response.data, JSON.stringify(response));
  }
}

/** Starts the program with a token; its stdout lines so far, its exit, and a way to stop it. */
function startProgram(file: string, token: string) {
  const child = spawn(process.execPath, [file], { cwd: sandbox, env: { ...process.env, TOKEN: token } });
  const out = { stdout: '', stderr: '', exit: undefined as number | null | undefined };
  child.stdout.on('data', (chunk) => (out.stdout += chunk));
  child.stderr.on('data', (chunk) => (out.stderr += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done((out.exit = code))));
  return { out, exited, stop: () => child.kill('SIGTERM') };
}

async function runProgram(block: Block): Promise<void> {
  const file = join(sandbox, `readme-${block.line}.mjs`);
  writeFileSync(file, againstHub(block.code));
  const from = await streaming();
  const program = startProgram(file, await hub.token('analyst'));
  try {
    await streamingUntil('the program to subscribe', (count) => count > from, () => assert.equal(program.out.exit, undefined, `the program exited:\n${program.out.stderr}`));
    await pay();
    const deadline = Date.now() + 30_000;
    while (!program.out.stdout.includes('\n')) {
      assert.ok(Date.now() < deadline, `no event printed within 30 s of the payment:\n${program.out.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const event = JSON.parse(program.out.stdout.split('\n')[0]) as { eventId: string; payment: { amount: { amount: string } } };
    assert.ok(event.eventId);
    assert.equal(event.payment.amount.amount, '1.00', 'the event is the payment just recorded');
    assert.equal(program.out.stderr, '', 'no errors along the way');
  } finally {
    program.stop();
    await program.exited;
  }
  await streamingUntil('the program\'s subscription to end', (count) => count <= from);

  // A token the gateway refuses must stop the program, not have it retry forever.
  const refused = startProgram(file, 'not-a-token');
  const timer = setTimeout(() => refused.stop(), 30_000);
  const code = await refused.exited;
  clearTimeout(timer);
  assert.equal(code, 1, `the program stops by itself on a refused token:\n${refused.out.stderr}`);
  assert.match(refused.out.stderr, /subscription refused: 4401/);
}

/** A sample answer: JSON whose error codes are the hub's own. */
function checkSample(block: Block): void {
  const codes: unknown[] = [];
  JSON.parse(block.code, (key, value) => {
    if (key === 'code') codes.push(value);
    return value;
  });
  const known = new Set<unknown>(Object.values(ErrorCode));
  for (const code of codes) assert.ok(known.has(code), `README.md:${block.line}: ${String(code)} is not one of the hub's error codes`);
}

describe('README.md', () => {
  for (const block of blocks) {
    const notRunHere = notRun(block);
    const name = `line ${block.line} (${block.heading}): ${block.lang || 'picture'} ${block.code.split('\n').find((line) => line.trim() && !line.startsWith('#'))?.trim() ?? ''}`;
    if (block.lang === '') {
      test(`${name} is a picture, not a command`, () => assert.doesNotMatch(block.code, /^\s*(npm|curl|node) /m));
      continue;
    }
    // Not run by design: NOT_RUN says why, and the last test below keeps that list honest.
    if (notRunHere) continue;
    test(name, { timeout: 90_000 }, async () => {
      if (block.lang === 'graphql') await runGraphql(block);
      else if (block.lang === 'sh') await runShell(block);
      else if (block.lang === 'js') await runProgram(block);
      else if (block.lang === 'json') checkSample(block);
      else assert.fail(`README.md:${block.line}: no way to run a \`${block.lang}\` block; run it here or say why not in NOT_RUN`);
    });
  }

  test('every reason not to run a block still names a block', () => {
    for (const entry of NOT_RUN) assert.ok(blocks.some((block) => block.lang === 'sh' && entry.match.test(block.code)), `${entry.match} matches no block`);
  });
});

describe('the ids the README relies on', () => {
  test('the default seed makes them, in the state the README says, whatever day it runs (every third day of 2026 to 2030)', () => {
    // Dates are relative to the day the seed runs, but months differ in length: sample the calendar.
    for (let day = '2026-01-01'; day <= '2030-12-31'; day = addDays(day, 3)) {
      const invoice = new SeedGenerator(day, 1).batch(1, 4).billing.invoices.find((row) => row.id === SEEDED.invoice);
      assert.deepEqual(
        invoice && { customer: invoice.customer_id, status: invoice.status, total: invoice.total, paid: invoice.amount_paid, currency: invoice.currency, overdue: invoice.due_date < day },
        { customer: SEEDED.customer, status: 'OPEN', total: SEEDED.total, paid: '0.00', currency: SEEDED.currency, overdue: true },
        `seeded as of ${day}`,
      );
    }
  });
});
