/**
 * A TCP link between the gateway and one subgraph that a test can break the way a network or a
 * process breaks: `down` refuses connections (a killed process), `freeze` holds every byte (a
 * process stopped with SIGSTOP: connections open, nothing answers), `reply` answers new
 * connections with a canned HTTP response (a proxy's 503, a 500), `pass` forwards again.
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

type Mode = { kind: 'pass' } | { kind: 'down' } | { kind: 'freeze' } | { kind: 'reply'; response: string; times: number };

interface Pair {
  client: Socket;
  upstream?: Socket;
}

export class FaultyLink {
  #mode: Mode = { kind: 'pass' };
  readonly #pairs = new Set<Pair>();
  /** Every connection the link holds, canned replies included: `down` ends them all. */
  readonly #sockets = new Set<Socket>();

  /** The port on 127.0.0.1 the link forwards to; set it before the first connection. */
  target = 0;

  private constructor(
    private server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free port. */
  static async open(): Promise<FaultyLink> {
    let link: FaultyLink | undefined;
    const server = createServer((client) => link!.#accept(client));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    link = new FaultyLink(server, (server.address() as AddressInfo).port);
    return link;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  #accept(client: Socket): void {
    this.#sockets.add(client);
    client.on('close', () => this.#sockets.delete(client));
    client.on('error', () => undefined);
    const mode = this.#mode;
    if (mode.kind === 'reply') {
      if (--mode.times <= 0) this.#mode = { kind: 'pass' };
      client.end(mode.response);
      return;
    }
    const pair: Pair = { client };
    this.#pairs.add(pair);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.#pairs.delete(pair);
    });
    if (mode.kind === 'freeze') client.pause();
    else this.#connectUpstream(pair);
  }

  #connectUpstream(pair: Pair): void {
    const upstream = connect(this.target, '127.0.0.1');
    pair.upstream = upstream;
    upstream.on('error', () => pair.client.destroy());
    upstream.on('close', () => pair.client.destroy());
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
    pair.client.resume();
  }

  /** Every connection dropped and new ones refused, until `pass`. */
  async down(): Promise<void> {
    this.#mode = { kind: 'down' };
    for (const socket of this.#sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Open connections and new ones held: requests go out and nothing comes back, until `pass`. */
  freeze(): void {
    this.#mode = { kind: 'freeze' };
    for (const { client, upstream } of this.#pairs) {
      client.unpipe();
      upstream?.unpipe();
      client.pause();
      upstream?.pause();
    }
  }

  /** The next `times` connections get `response` (raw HTTP) and are closed; open ones are dropped first. */
  reply(response: string, times = 1): void {
    this.#mode = { kind: 'reply', response, times };
    for (const pair of this.#pairs) pair.client.destroy();
  }

  /** Forwards again; held bytes flow on, as a process does after SIGCONT. */
  async pass(): Promise<void> {
    const was = this.#mode.kind;
    this.#mode = { kind: 'pass' };
    if (was === 'down') {
      this.server = createServer((client) => this.#accept(client));
      await new Promise((resolve) => this.server.listen(this.port, '127.0.0.1', () => resolve(undefined)));
    }
    for (const pair of this.#pairs) {
      if (!pair.upstream) this.#connectUpstream(pair);
      else {
        pair.client.pipe(pair.upstream);
        pair.upstream.pipe(pair.client);
        pair.client.resume();
        pair.upstream.resume();
      }
    }
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    if (this.#mode.kind !== 'down') await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A raw HTTP response for `FaultyLink.reply`. */
export function httpResponse(status: number, headers: Record<string, string> = {}, body = ''): string {
  const lines = [`HTTP/1.1 ${status} X`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), `content-length: ${Buffer.byteLength(body)}`, 'connection: close'];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
