import WebSocket from 'ws';
import { startHub } from './test/hub.ts';
const hub = await startHub({ seedCustomers: 2, env: { WS_CONNECTION_INIT_TIMEOUT_MS: '500' } });
const ws = hub.gatewayUrl.replace('http', 'ws');
function run(name: string, protocols: string | string[] | undefined, steps: (s: WebSocket) => void): Promise<void> {
  return new Promise((resolve) => {
    const t = performance.now();
    const s = new WebSocket(ws, protocols);
    const msgs: string[] = [];
    s.on('open', () => steps(s));
    s.on('message', (m) => msgs.push(String(m).slice(0, 200)));
    s.on('unexpected-response', (_r, res) => { console.log(name, 'http', res.statusCode); resolve(); });
    s.on('error', (e) => console.log(name, 'error', e.message));
    s.on('close', (code, reason) => { console.log(name, 'closed', code, String(reason), Math.round(performance.now() - t) + 'ms', msgs); resolve(); });
    setTimeout(() => { console.log(name, 'still open', msgs); s.terminate(); }, 2000);
  });
}
const P = 'graphql-transport-ws';
await run('subscribe before init', P, (s) => s.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } })));
await run('legacy protocol', 'graphql-ws', (s) => s.send(JSON.stringify({ type: 'connection_init' })));
await run('no protocol', undefined, (s) => s.send(JSON.stringify({ type: 'connection_init' })));
await run('bogus protocol', 'bogus', (s) => s.send(JSON.stringify({ type: 'connection_init' })));
await run('no init', P, () => {});
await run('malformed json', P, (s) => s.send('{"type":'));
await run('binary', P, (s) => s.send(Buffer.from([1,2,3]), { binary: true }));
await run('invalid utf8', P, (s) => s.send(Buffer.from([0x7b, 0xff, 0xfe]), { binary: false }));
await run('too big', P, (s) => s.send('x'.repeat(2_000_000)));
await run('deep', P, (s) => { s.send(JSON.stringify({ type: 'connection_init' })); setTimeout(() => s.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ customers(first: 1) { nodes { ' + 'invoices { customer { '.repeat(500) + 'id' + ' } }'.repeat(500) + ' } } }' } })), 100); setTimeout(() => s.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: 'subscription { paymentReceived { ' + 'customer { invoices { customer { '.repeat(10) + 'id' + ' } } }'.repeat(10) + ' } }' } })), 200);  setTimeout(() => s.send(JSON.stringify({ id: '3', type: 'subscribe', payload: { query: '{ customers(first: 1) { nodes { id } } }' } })), 300); });
await hub.close();
