/**
 * docker-compose.yml cannot be run here (no Docker engine), so this test holds it to the code:
 * every service the hub can run has a container, every variable set is one the code reads and
 * validates, and the URLs point at containers and databases that exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { envPrefix, loadConfig, SERVICES, settings, SYSTEMS } from '../platform/config.ts';

const root = join(import.meta.dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; build?: unknown; image?: string }>;
};
const known = new Set(settings().map((setting) => setting.variable));
const appServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

test('every hub service has exactly one container built from the one image', () => {
  assert.deepEqual(appServices.map(([name]) => name).sort(), [...SERVICES].sort());
  for (const [name, service] of appServices) assert.deepEqual(service.command, [name], `${name} runs its own service`);
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

test('the README documents every variable the hub reads', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const variable of known) assert.ok(readme.includes(`\`${variable}\``), `README lacks ${variable}`);
});

test('a bad configuration is refused with every problem named', () => {
  assert.throws(() => loadConfig({ GATEWAY_PORT: 'abc', CRM_DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }), (error: Error) => {
    assert.match(error.message, /GATEWAY_PORT must be an integer/);
    assert.match(error.message, /CRM_DATABASE_URL must be a postgres: or postgresql:\/\/ URL/);
    assert.match(error.message, /LOG_LEVEL must be one of/);
    return true;
  });
});
