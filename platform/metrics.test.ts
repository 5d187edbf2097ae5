/** The metrics helpers: registries per service, mirrored figures, bounded labels, shared collection. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boundedLabel, createRegistry, mirroredCounter, mirroredGauge, OTHER, Registry, sharedWhileRunning } from './metrics.ts';

describe('createRegistry', () => {
  test('gives each service a registry of its own, labelled with its name, with the process metrics, however many are made', async () => {
    const first = createRegistry('gateway');
    const second = createRegistry('gateway');
    mirroredCounter({ registry: first, name: 'test_things_total', help: 'Things.', read: () => 1 });
    mirroredCounter({ registry: second, name: 'test_things_total', help: 'Things.', read: () => 2 });
    assert.match(await first.metrics(), /\ntest_things_total\{service="gateway"\} 1\n/);
    assert.match(await second.metrics(), /\ntest_things_total\{service="gateway"\} 2\n/);
    assert.match(await createRegistry('billing').metrics(), /\nprocess_resident_memory_bytes\{service="billing"\} \d+/);
  });
});

describe('mirrored metrics', () => {
  test('read their figure at each scrape, and drop label sets no longer read', async () => {
    const registry = new Registry();
    let open: [string, number][] = [['ws', 2], ['sse', 1]];
    mirroredGauge({ registry, name: 'test_open', help: 'Open.', labelNames: ['transport'], read: () => open.map(([transport, count]) => [{ transport }, count] as const) });
    assert.match(await registry.metrics(), /test_open\{transport="ws"\} 2\ntest_open\{transport="sse"\} 1/);
    open = [['ws', 0]];
    const text = await registry.metrics();
    assert.match(text, /test_open\{transport="ws"\} 0/);
    assert.doesNotMatch(text, /sse/);
  });
});

describe('boundedLabel', () => {
  test('keeps the first values seen, and names every later one (other)', () => {
    const label = boundedLabel(2);
    assert.deepEqual(['a', 'b', 'c', 'a', 'd', 'b'].map(label), ['a', 'b', OTHER, 'a', OTHER, 'b']);
  });
});

describe('sharedWhileRunning', () => {
  test('runs the work once for the callers that ask while it runs, and again after', async () => {
    let runs = 0;
    const shared = sharedWhileRunning(async () => {
      runs++;
      await new Promise((resolve) => setImmediate(resolve));
      return runs;
    });
    assert.deepEqual(await Promise.all([shared(), shared(), shared()]), [1, 1, 1]);
    assert.equal(await shared(), 2);
  });
});
