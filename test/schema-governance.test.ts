/**
 * `npm run schema:check` and `npm run schema:release` on a copy of the project: each kind of
 * subgraph schema change gets the verdict the policy promises, with a message naming the change
 * and the registered operations it reaches.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { sha256, type PersistedQueryManifest } from '../gateway/limits/trustedDocuments.ts';
import type { CheckReport } from '../scripts/schema/policy.ts';

const root = join(import.meta.dirname, '..');
const projects: string[] = [];
after(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The query a front-end app registered in its trusted-document manifest, `persisted/web-app.json`. */
const WEB_APP_OPERATION = 'query WebAppOwners { customers(first: 5) { nodes { id accountOwner } } }';

/**
 * A copy of what the governance commands read (the schemas, the documents, the scripts and what
 * they import; node_modules linked), with a client's manifest. Each test has its own, so they run
 * side by side.
 */
function copyProject(): string {
  const project = mkdtempSync(join(tmpdir(), 'hub-schema-'));
  projects.push(project);
  for (const entry of ['package.json', 'tsconfig.json', 'codegen.yml', 'supergraph.graphql', 'schema', 'scripts', 'platform']) {
    cpSync(join(root, entry), join(project, entry), { recursive: true });
  }
  cpSync(join(root, 'gateway'), join(project, 'gateway'), { recursive: true, filter: (source) => !source.includes(join('pages', 'dist')) });
  cpSync(join(root, 'test'), join(project, 'test'), { recursive: true, filter: (source) => !source.includes('generated') && (!source.endsWith('.ts') || source.endsWith('.test.ts')) });
  for (const system of readdirSync(join(root, 'subgraphs'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
    mkdirSync(join(project, 'subgraphs', system), { recursive: true });
    cpSync(join(root, 'subgraphs', system, 'schema.graphql'), join(project, 'subgraphs', system, 'schema.graphql'));
  }
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
  mkdirSync(join(project, 'persisted'));
  const manifest: PersistedQueryManifest = {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: sha256(WEB_APP_OPERATION), body: WEB_APP_OPERATION, name: 'WebAppOwners', type: 'query' }],
  };
  writeFileSync(join(project, 'persisted', 'web-app.json'), JSON.stringify(manifest));
  return project;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(project: string, script: string, ...args: string[]): Promise<Run> {
  const { PERSISTED_DOCUMENTS_DIR: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], { cwd: project, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Edits a subgraph's schema in `project`. */
function editSchema(project: string, system: string, edit: (sdl: string) => string): void {
  const path = join(project, 'subgraphs', system, 'schema.graphql');
  const original = readFileSync(path, 'utf8');
  const edited = edit(original);
  assert.notEqual(edited, original, 'the edit changes the schema');
  writeFileSync(path, edited);
}

/** `schema:check --json` of a copy whose `system` schema `edit` changed. */
async function checkWith(system: string, edit: (sdl: string) => string, project = copyProject()): Promise<{ code: number; report: CheckReport }> {
  editSchema(project, system, edit);
  const { code, stdout, stderr } = await run(project, 'schema-check.ts', '--json', '--documents', 'persisted');
  assert.equal(stderr, '');
  return { code, report: JSON.parse(stdout) as CheckReport };
}

/** Adds a field at the top of an entity type. */
function addField(typeName: string, declaration: string): (sdl: string) => string {
  return (sdl) => sdl.replace(new RegExp(`(type ${typeName} @key[^{]*\\{\\n)`), `$1  ${declaration}\n`);
}

/** Removes the first declaration of a field, with its description. */
function removeField(declaration: string): (sdl: string) => string {
  return (sdl) => sdl.replace(new RegExp(`^(  "[^"\\n]*"\\n)?  ${declaration.replace(/[()[\]!]/g, '\\$&')}\\n`, 'm'), '');
}

function operationNames(operations: { client: string; name: string }[]): string[] {
  return operations.map((operation) => `${operation.client}: ${operation.name}`);
}

describe('schema:check and schema:release', { concurrency: true }, () => {
  test('fails removing a field registered operations select, naming the change and each operation', async () => {
    const project = copyProject();
    editSchema(project, 'crm', removeField('accountOwner: String'));
    const { code, stdout } = await run(project, 'schema-check.ts', '--documents', 'persisted');
    assert.equal(code, 1);
    assert.match(stdout, /✖ BREAKING Field 'accountOwner' was removed from object type 'Customer' \[crm\]\n {4}breaks \d+ registered operations\n/);
    assert.match(stdout, /\n {4}- web-app: WebAppOwners \(persisted\/web-app\.json\)\n/);
    assert.match(stdout, /\n {4}- graphiql: OverdueInvoices \(gateway\/graphiql\/index\.ts\)\n/);
    assert.match(stdout, /\n✖ operation web-app: WebAppOwners \(persisted\/web-app\.json\) no longer validates:\n {4}Cannot query field "accountOwner" on type "Customer"\./);
    assert.match(stdout, /\nFAIL: a change breaks registered clients or the deprecation policy\.\n$/);
  });

  test('fails adding a required argument to a field registered operations call', async () => {
    const { code, report } = await checkWith('crm', (sdl) => sdl.replace(/^  customer\(id: ID!\)/m, '  customer(id: ID!, asOf: Date!)'));
    assert.equal(code, 1);
    assert.equal(report.verdict, 'fail');
    assert.equal(report.changes.length, 1);
    const [change] = report.changes;
    assert.deepEqual({ level: change!.level, verdict: change!.verdict, message: change!.message, subgraphs: change!.subgraphs }, {
      level: 'breaking',
      verdict: 'fail',
      message: "Argument 'asOf: Date!' added to field 'Query.customer'",
      subgraphs: ['crm'],
    });
    assert.ok(operationNames(change!.operations).includes('graphiql: CustomerView'));
    const broken = report.brokenOperations.find((operation) => operation.client === 'graphiql' && operation.name === 'CustomerView');
    assert.deepEqual(broken?.errors, ['Field "customer" argument "asOf" of type "Date!" is required, but it was not provided.']);
  });

  test('passes adding an optional field, against the released schema or a git ref', async () => {
    const project = copyProject();
    const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: project });
    await git('init', '-q');
    await git('add', 'supergraph.graphql');
    await git('commit', '-qm', 'supergraph');
    const { code, report } = await checkWith('crm', addField('Customer', 'nickname: String'), project);
    assert.equal(code, 0);
    assert.equal(report.verdict, 'pass');
    const expected = [{ level: 'safe', verdict: 'ok', message: "Field 'nickname' was added to object type 'Customer'", subgraphs: ['crm'] }];
    assert.deepEqual(
      report.changes.map(({ level, verdict, message, subgraphs }) => ({ level, verdict, message, subgraphs })),
      expected,
    );
    assert.deepEqual(report.brokenOperations, []);

    const againstHead = await run(project, 'schema-check.ts', '--json', '--against', 'HEAD');
    assert.equal(againstHead.code, 0, againstHead.stderr);
    const headReport = JSON.parse(againstHead.stdout) as CheckReport;
    assert.equal(headReport.baseline, 'supergraph.graphql at HEAD');
    assert.deepEqual(
      headReport.changes.map(({ level, verdict, message, subgraphs }) => ({ level, verdict, message, subgraphs })),
      expected,
    );
  });

  test('fails changing the type of a field registered operations select, though they still validate', async () => {
    const { code, report } = await checkWith('crm', (sdl) => sdl.replace(/^  title: String$/m, '  title: Int'));
    assert.equal(code, 1);
    assert.equal(report.verdict, 'fail');
    const [change] = report.changes;
    assert.equal(change?.message, "Field 'Contact.title' changed type from 'String' to 'Int'");
    assert.equal(change?.level, 'breaking');
    assert.equal(change?.verdict, 'fail');
    assert.match(change!.reason, /^breaks \d+ registered operations$/);
    assert.ok(operationNames(change!.operations).includes('graphiql: CustomerView'));
    assert.deepEqual(report.brokenOperations, []);
  });

  test('fails removing a field no operation uses when it was never deprecated', async () => {
    const { code, report } = await checkWith('erp', removeField('reopenReason: String'));
    assert.equal(code, 1);
    assert.equal(report.verdict, 'fail');
    const [change] = report.changes;
    assert.equal(change?.message, "Field 'reopenReason' was removed from object type 'AccountingPeriod'");
    assert.equal(change?.verdict, 'fail');
    assert.deepEqual(change?.operations, []);
    assert.equal(change?.reason, 'removed without being @deprecated(reason:) in the released schema: deprecate it and release first');
  });

  test('passes with a warning removing an unused field deprecated in the released schema', async () => {
    // Release a deprecated field first: the changelog lists its addition and its deprecation.
    const project = copyProject();
    editSchema(project, 'crm', addField('Customer', 'legacyCode: String @deprecated(reason: "Use id.")'));
    assert.equal((await run(project, 'compose.ts')).code, 0);
    const release = await run(project, 'schema-release.ts');
    assert.equal(release.code, 0, release.stderr);
    const changelog = readFileSync(join(project, 'schema', 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, /\n## Release \d+ \(\d{4}-\d\d-\d\d\)\n\n### crm\n\nAdded:\n\n- Field 'legacyCode' was added to object type 'Customer'\n\nDeprecated:\n\n- `Customer\.legacyCode`: Use id\.\n\n## Release /);
    assert.match(readFileSync(join(project, 'schema', 'released.graphql'), 'utf8'), /\n {2}legacyCode: String @deprecated\(reason: "Use id\."\)\n/);

    const { code, report } = await checkWith('crm', removeField('legacyCode: String @deprecated(reason: "Use id.")'), project);
    assert.equal(code, 0);
    assert.equal(report.verdict, 'warn');
    assert.deepEqual(
      report.changes.map(({ level, verdict, message, subgraphs, reason }) => ({ level, verdict, message, subgraphs, reason })),
      [
        {
          level: 'breaking',
          verdict: 'warn',
          message: "Field 'legacyCode' (deprecated) was removed from object type 'Customer'",
          subgraphs: ['crm'],
          reason: 'removed after its deprecation ("Use id."); no registered operation uses it',
        },
      ],
    );
  });

  test('refuses a field made nullable that registered operations select, until the breaking change is accepted with a reason', async () => {
    const project = copyProject();
    editSchema(project, 'billing', (sdl) => sdl.replace('\n  total: Money!\n', '\n  total: Money\n'));
    assert.equal((await run(project, 'compose.ts')).code, 0);
    const refused = await run(project, 'schema-release.ts');
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /✖ BREAKING Field 'Invoice\.total' changed type from 'Money!' to 'Money' \[billing\]\n {4}breaks \d+ registered operations: the field may now be null, and they select it;/);
    assert.match(refused.stderr, /^Not released: 1 breaking change\(s\)\. Release them deliberately with --accept-breaking "<why>"/);

    const released = await run(project, 'schema-release.ts', '--accept-breaking', 'a subgraph that is down costs only its own fields');
    assert.equal(released.code, 0, released.stderr);
    assert.match(
      readFileSync(join(project, 'schema', 'CHANGELOG.md'), 'utf8'),
      /\n## Release \d+ \(\d{4}-\d\d-\d\d\)\n\nBreaking changes released deliberately: a subgraph that is down costs only its own fields\n\n### billing\n\nChanged:\n\n- Field 'Invoice\.total' changed type from 'Money!' to 'Money' \(breaking, accepted\)\n/,
    );
    assert.match(readFileSync(join(project, 'schema', 'released.graphql'), 'utf8'), /\n {2}total: Money\n/);
  });
});
