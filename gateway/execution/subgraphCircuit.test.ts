import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SubgraphCircuit, SubgraphFailure } from './subgraphCircuit.ts';

const down = () => Promise.reject(new SubgraphFailure('unavailable', 'refused', true));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a circuit opens after its consecutive failures, fails at once while open, and a successful probe closes it', async () => {
  let answering = false;
  let probes = 0;
  const circuit = new SubgraphCircuit('erp', { failures: 2, openMs: 50 }, async () => {
    probes += 1;
    if (!answering) throw new SubgraphFailure('unavailable', 'refused', true);
  });
  try {
    await assert.rejects(circuit.run(down));
    assert.equal(circuit.state, 'closed', 'one failure is not enough');
    await assert.rejects(circuit.run(down));
    assert.equal(circuit.state, 'open');

    let called = false;
    await assert.rejects(
      circuit.run(async () => void (called = true)),
      (error: SubgraphFailure) => error.kind === 'unavailable' && /circuit open/.test(error.message),
    );
    assert.equal(called, false, 'an open circuit does not call the subgraph');
    assert.equal(circuit.rejected, 1);

    await wait(120);
    assert.ok(probes >= 1, 'the circuit probes the subgraph itself');
    assert.equal(circuit.state, 'open', 'a failed probe keeps it open');

    answering = true;
    await wait(200);
    assert.equal(circuit.state, 'closed', 'a probe that is answered closes it');
    assert.equal(await circuit.run(async () => 'answer'), 'answer');
  } finally {
    circuit.close();
  }
});

test('errors other than a SubgraphFailure (an answer the gateway cannot use) do not count toward opening', async () => {
  const circuit = new SubgraphCircuit('crm', { failures: 1, openMs: 1000 }, async () => undefined);
  try {
    await assert.rejects(circuit.run(() => Promise.reject(new Error('bad JSON'))));
    assert.equal(circuit.state, 'closed');
    await assert.rejects(circuit.run(down));
    assert.equal(circuit.state, 'open');
  } finally {
    circuit.close();
  }
});

test('attempts still in flight when the circuit opens fail at once as from the open circuit; one that ignores the signal keeps its answer', async () => {
  const circuit = new SubgraphCircuit('billing', { failures: 1, openMs: 60_000 }, down);
  try {
    // Waits on a subgraph that never answers, until the circuit tells it to give up.
    const waiting = circuit.run((opening) => new Promise((_resolve, reject) => opening!.addEventListener('abort', () => reject(new SubgraphFailure('timeout', 'aborted', false)))));
    const deaf = circuit.run(() => wait(30).then(() => 'late answer'));
    await assert.rejects(circuit.run(down));
    assert.equal(circuit.state, 'open');
    await assert.rejects(waiting, (error: SubgraphFailure) => error.kind === 'unavailable' && /circuit open/.test(error.message));
    assert.equal(await deaf, 'late answer');
  } finally {
    circuit.close();
  }
});

test('an attempt that does not heed the circuit (a mutation) keeps its own failure when the circuit opened meanwhile', async () => {
  const circuit = new SubgraphCircuit('billing', { failures: 1, openMs: 60_000 }, down);
  try {
    const mutation = circuit.run(() => wait(30).then(() => Promise.reject(new SubgraphFailure('timeout', 'did not answer within 30 ms', false))), false);
    await assert.rejects(circuit.run(down));
    assert.equal(circuit.state, 'open');
    await assert.rejects(mutation, (error: SubgraphFailure) => error.kind === 'timeout' && !/circuit open/.test(error.message));
  } finally {
    circuit.close();
  }
});
