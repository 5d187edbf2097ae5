/**
 * docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so this test holds
 * them to the code: every service the hub can run has a container, every variable set is one the
 * code reads and validates, the URLs point at containers and databases that exist, node runs as
 * PID 1, and the start order waits on real health: the databases made, the seed done, each
 * service's /readyz.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { envPrefix, loadConfig, SERVICES, settings, settingsTable, SYSTEMS, type SystemName } from '../platform/config.ts';

const root = join(import.meta.dirname, '..');
interface ComposeService {
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  build?: unknown;
  image?: string;
  restart?: string;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const known = new Set(settings().map((setting) => setting.variable));
const built = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
/** The containers that run a hub service through the image's entrypoint (the seed job has its own). */
const appServices = built.filter(([, service]) => service.entrypoint === undefined);
const seed = compose.services.seed;

/** The image's ENTRYPOINT, exec form. */
function entrypoint(): string[] {
  const line = readFileSync(join(root, 'Dockerfile'), 'utf8').split('\n').find((row) => row.startsWith('ENTRYPOINT '));
  assert.ok(line, 'the Dockerfile has an ENTRYPOINT');
  return JSON.parse(line.slice('ENTRYPOINT '.length)) as string[];
}

test('every hub service has exactly one container built from the one image', () => {
  assert.deepEqual(appServices.map(([name]) => name).sort(), [...SERVICES].sort());
  for (const [name, service] of appServices) assert.deepEqual(service.command, [name], `${name} runs its own service`);
});

test('the image runs node itself as PID 1 on main.ts, as npm start does, so SIGTERM reaches the hub', () => {
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  // Exec form, no npm or shell in between: `docker stop` signals node, which shuts down gracefully.
  const command = entrypoint();
  assert.equal(command[0], 'node');
  assert.ok(!command.includes('npm') && !command.includes('sh'));
  assert.deepEqual(command.slice(-3), ['--import', 'tsx', 'main.ts']);
  assert.ok(packageJson.scripts.start.endsWith(command.slice(-3).join(' ')), 'the same entry point as npm start');
  // The gateway's container runs with the GC setting the benchmark measured it with.
  assert.ok(command.includes('--max-semi-space-size=64'));
});

test('every service is healthy only once its /readyz answers, asked with node (the image has no curl)', () => {
  for (const [name, service] of appServices) {
    const environment = service.environment ?? {};
    const port = name === 'gateway' ? environment.GATEWAY_PORT : environment[`${envPrefix(name as SystemName)}_PORT`];
    const check = service.healthcheck?.test ?? [];
    assert.deepEqual(check.slice(0, 3), ['CMD', 'node', '-e'], `${name} checks with node`);
    assert.match(check[3], new RegExp(`fetch\\('http://127\\.0\\.0\\.1:${port}/readyz'\\)`), `${name} asks its own port's /readyz`);
    assert.match(check[3], /process\.exit\(r\.ok \? 0 : 1\)/, `${name} fails while /readyz is not 200`);
  }
});

test('postgres is healthy only once every system database exists, checked over TCP (after the init script)', () => {
  const init = readFileSync(join(root, 'deploy', 'postgres-init.sql'), 'utf8');
  const databases = [...init.matchAll(/CREATE DATABASE (\w+);/g)].map((match) => match[1]);
  assert.deepEqual([...databases].sort(), SYSTEMS.map((system) => new URL(compose.services[system].environment![`${envPrefix(system)}_DATABASE_URL`]).pathname.slice(1)).sort());
  const check = compose.services.postgres.healthcheck?.test ?? [];
  assert.equal(check[0], 'CMD-SHELL');
  // The image runs the init script on a server listening on its socket only; TCP opens after.
  assert.match(check[1], /psql -h 127\.0\.0\.1 /);
  assert.match(check[1], new RegExp(`datname IN \\(${databases.map((name) => `'${name}'`).join(', ')}\\)"\\)" = ${databases.length}$`));
});

test('the start order waits on health: postgres, then the seed job, then the subgraphs, then the gateway', () => {
  for (const [name, service] of appServices) {
    const waits = service.depends_on ?? {};
    assert.equal(waits.redis?.condition, 'service_healthy', `${name} waits for Redis`);
    if (name === 'gateway') {
      for (const system of SYSTEMS) assert.equal(waits[system]?.condition, 'service_healthy', `the gateway waits for ${system}`);
    } else {
      assert.equal(waits.postgres?.condition, 'service_healthy', `${name} waits for the databases`);
      assert.equal(waits.seed?.condition, 'service_completed_successfully', `${name} starts after the seed job`);
    }
  }
  assert.equal(seed.depends_on?.postgres?.condition, 'service_healthy');
});

test('the seed job seeds every system database once, with the seed CLI, and a second run exits 0', () => {
  assert.deepEqual(seed.entrypoint, ['node', '--import', 'tsx', 'seed/main.ts']);
  assert.ok(seed.command?.includes('--if-empty'), 'a later `up` finds the data and exits 0');
  assert.equal(seed.restart, 'no');
  const environment = seed.environment ?? {};
  for (const variable of Object.keys(environment)) assert.ok(known.has(variable), `seed sets ${variable}, which the hub does not read`);
  for (const system of SYSTEMS) {
    const variable = `${envPrefix(system)}_DATABASE_URL`;
    assert.equal(environment[variable], compose.services[system].environment![variable], `seed writes where ${system} reads`);
  }
  assert.doesNotThrow(() => loadConfig(environment));
});

test('every variable a container sets is one the code reads, and the code accepts its value', () => {
  for (const [name, service] of appServices) {
    const environment = service.environment ?? {};
    for (const variable of Object.keys(environment)) assert.ok(known.has(variable), `${name} sets ${variable}, which the hub does not read`);
    assert.doesNotThrow(() => loadConfig(environment), `${name}'s environment is valid`);
  }
});

test('each system stores in its own database of the postgres container, and the gateway reaches each subgraph', () => {
  const init = readFileSync(join(root, 'deploy', 'postgres-init.sql'), 'utf8');
  const gateway = compose.services.gateway.environment ?? {};
  for (const system of SYSTEMS) {
    const environment = compose.services[system].environment ?? {};
    const databaseUrl = new URL(environment[`${envPrefix(system)}_DATABASE_URL`]);
    assert.equal(databaseUrl.hostname, 'postgres');
    assert.match(init, new RegExp(`CREATE DATABASE ${databaseUrl.pathname.slice(1)};`));
    const subgraphUrl = new URL(gateway[`${envPrefix(system)}_URL`]);
    assert.equal(subgraphUrl.hostname, system);
    assert.equal(subgraphUrl.port, environment[`${envPrefix(system)}_PORT`]);
    assert.equal(environment.HOST, '0.0.0.0', `${system} listens beyond its container's loopback`);
    assert.equal(new URL(environment.REDIS_URL).hostname, 'redis', `${system} shares the event stream`);
  }
  assert.ok(compose.services.postgres.image?.startsWith('postgres:'));
  assert.ok(compose.services.redis.image?.startsWith('redis:'));
});

test("the README's configuration table is the code's (platform/config.ts settings()), row for row", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = settingsTable();
  const start = readme.indexOf(table.split('\n')[0]);
  assert.ok(start >= 0, 'README has a configuration table');
  const written = readme.slice(start, readme.indexOf('\n\n', start));
  assert.deepEqual(written.split('\n'), table.split('\n'), 'README.md\'s configuration table differs from settings(): write settingsTable() into it');
});

test('a bad configuration is refused with every problem named', () => {
  assert.throws(() => loadConfig({ GATEWAY_PORT: 'abc', CRM_DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }), (error: Error) => {
    assert.match(error.message, /GATEWAY_PORT must be an integer/);
    assert.match(error.message, /CRM_DATABASE_URL must be a postgres: or postgresql:\/\/ URL/);
    assert.match(error.message, /LOG_LEVEL must be one of/);
    return true;
  });
});
