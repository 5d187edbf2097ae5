/**
 * The distributed deployment for fault tests, with real processes: every service its own
 * `main.ts <service>` process on PostgreSQL (a database per system) and a Redis server of the
 * test's own, so a test may kill, freeze or empty it without touching the machine's shared one.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { issueDevToken } from '../../platform/auth/devTokens.ts';
import { envPrefix, loadConfig, SERVICES, SYSTEMS, type ServiceName } from '../../platform/config.ts';
import { authorizeByDefault } from '../graphql.ts';
import { waitFor } from '../wait.ts';

const root = join(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A Redis server of the test's own; with `persist`, an append-only file so a restart keeps the stream. */
export class TestRedis {
  private process: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly persist: boolean,
  ) {}

  static async start(dir: string, { persist = true } = {}): Promise<TestRedis> {
    const redis = new TestRedis(await freePort(), dir, persist);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const persistence = this.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, ...persistence, '--save', ''], { stdio: 'ignore' });
    await waitFor('redis', async () => spawnSync('redis-cli', ['-p', String(this.port), 'ping']).stdout?.toString().includes('PONG') || undefined);
  }

  /** Stops the server with `signal` (SIGTERM: a clean stop; SIGKILL: a crash) and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (signal !== 'SIGKILL') child.kill('SIGCONT');
    child.kill(signal);
    await exited;
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing answers. */
  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  /** Stops the server and starts it again with no data, as a failover to a fresh replica would. */
  async restartEmpty(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(join(this.dir, 'appendonlydir'), { recursive: true, force: true });
    rmSync(join(this.dir, 'dump.rdb'), { force: true });
    await this.start();
  }
}

export interface ClusterOptions {
  /** Customers the seed CLI writes before the services start. */
  seedCustomers?: number;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** Extra replicas to start besides one of each service, e.g. `{ erp: 1, gateway: 1 }`. */
  replicas?: Partial<Record<ServiceName, number>>;
}

/** Every service as its own process, on PostgreSQL databases and a Redis of the cluster's own. */
export class Cluster {
  readonly env: Record<string, string> = {};
  /** Running processes by label: a service name, or `<service>#2` for its second replica. */
  private readonly processes = new Map<string, ChildProcess>();
  private readonly ports = new Map<string, string>();
  private readonly logs = new Map<string, string>();
  private adminToken = '';

  private constructor(
    readonly redis: TestRedis,
    readonly work: string,
    private readonly prefix: string,
    private readonly adminUrl: string,
  ) {}

  static async start(options: ClusterOptions = {}): Promise<Cluster> {
    const work = mkdtempSync(join(tmpdir(), 'hub-distributed-'));
    const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const cluster = new Cluster(await TestRedis.start(work), work, `dist_${process.pid}_${Date.now() % 100000}`, adminUrl);
    try {
      await cluster.setUp(options);
    } catch (error) {
      // Processes left running would keep the test process alive after its failure.
      await cluster.close().catch(() => undefined);
      throw error;
    }
    return cluster;
  }

  private databaseName(system: string): string {
    return `${this.prefix}_${system.replace(/-/g, '_')}`;
  }

  private async setUp(options: ClusterOptions): Promise<void> {
    const admin = new pg.Client({ connectionString: this.adminUrl });
    await admin.connect();
    for (const system of SYSTEMS) {
      const database = this.databaseName(system);
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(this.adminUrl);
      url.pathname = `/${database}`;
      this.env[`${envPrefix(system)}_DATABASE_URL`] = url.toString();
      const port = String(await freePort());
      this.ports.set(system, port);
      this.env[`${envPrefix(system)}_PORT`] = port;
      this.env[`${envPrefix(system)}_URL`] = `http://127.0.0.1:${port}/graphql`;
    }
    await admin.end();
    const gatewayPort = String(await freePort());
    this.ports.set('gateway', gatewayPort);
    Object.assign(this.env, {
      HOST: '127.0.0.1',
      GATEWAY_PORT: gatewayPort,
      REDIS_URL: this.redis.url,
      REDIS_PREFIX: this.prefix,
      CONSUMER_RECLAIM_IDLE_MS: '2000',
      CONSUMER_RETRY_BASE_MS: '200',
      CONSUMER_MAX_ATTEMPTS: '20',
      OUTBOX_POLL_MS: '500',
      LOG_LEVEL: 'warn',
      // Every process makes or reads the auth keys here: the gateway's subgraph-token pair and the token issuer's.
      HUB_DATA_DIR: this.work,
      ...options.env,
    });
    this.adminToken = await issueDevToken(loadConfig(this.env), 'admin');
    if (options.seedCustomers) {
      const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'seed/main.ts', '--customers', String(options.seedCustomers)], {
        cwd: root,
        env: { ...process.env, ...this.env },
        encoding: 'utf8',
      });
      assert.equal(seeded.status, 0, seeded.stderr);
    }
    const labels: string[] = [...SERVICES];
    for (const name of SERVICES) {
      for (let replica = 2; replica <= 1 + (options.replicas?.[name] ?? 0); replica++) {
        const label = `${name}#${replica}`;
        this.ports.set(label, String(await freePort()));
        labels.push(label);
      }
    }
    for (const label of labels) this.startProcess(label);
    for (const label of labels) if (label.startsWith('gateway')) authorizeByDefault(this.url(label), () => `Bearer ${this.adminToken}`);
    await Promise.all(labels.map((label) => this.waitReady(label)));
  }

  /** The service a label names: `erp#2` → `erp`. */
  private static service(label: string): ServiceName {
    return label.split('#')[0] as ServiceName;
  }

  /** The base URL of a running service, e.g. http://127.0.0.1:53811. */
  origin(label: string): string {
    return `http://127.0.0.1:${this.ports.get(label)}`;
  }

  /** A service's GraphQL endpoint. */
  url(label = 'gateway'): string {
    return `${this.origin(label)}/graphql`;
  }

  get token(): string {
    return this.adminToken;
  }

  /** What a process wrote to stderr so far. */
  log(label: string): string {
    return this.logs.get(label) ?? '';
  }

  /** Starts (or restarts) the process of a label on its port. */
  startProcess(label: string): ChildProcess {
    const name = Cluster.service(label);
    const portVariable = name === 'gateway' ? 'GATEWAY_PORT' : `${envPrefix(name)}_PORT`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts', name], {
      cwd: root,
      env: { ...process.env, ...this.env, [portVariable]: this.ports.get(label)! },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.logs.set(label, '');
    child.stderr?.on('data', (chunk) => this.logs.set(label, this.log(label) + chunk));
    child.on('exit', (code) => {
      if (code) console.error(`${label} exited with ${code}: ${this.log(label)}`);
    });
    this.processes.set(label, child);
    return child;
  }

  /** Waits for `/readyz` to answer 200; a cold start on a loaded 2-core machine can take well over a minute. */
  async waitReady(label: string, ms = 180_000): Promise<void> {
    await waitFor(`${label} ready`, async () => ((await fetch(`${this.origin(label)}/readyz`)).ok ? true : undefined), ms);
  }

  private running(label: string): ChildProcess | undefined {
    const child = this.processes.get(label);
    return child && child.exitCode === null && child.signalCode === null ? child : undefined;
  }

  /** Sends `signal` to a process; for a signal that ends it, waits until it has exited. */
  async kill(label: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.running(label);
    if (!child) return;
    if (signal === 'SIGSTOP' || signal === 'SIGCONT') {
      child.kill(signal);
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill(signal);
    await exited;
  }

  async close(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((label) => this.kill(label, 'SIGTERM')));
    await this.redis.stop();
    const admin = new pg.Client({ connectionString: this.adminUrl });
    await admin.connect();
    for (const system of SYSTEMS) await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName(system)} WITH (FORCE)`);
    await admin.end();
    rmSync(this.work, { recursive: true, force: true });
  }
}
