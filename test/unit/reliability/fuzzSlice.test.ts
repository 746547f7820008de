// The bounded fuzz slice of `npm test`: 5,000 iterations with a fixed seed (the full run is `npm run test:fuzz`).
// No time bound per call here (a loaded machine makes it a coin toss): the full run reports slow calls.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runServiceFuzz } from '../../fuzz/fuzzService';

test('service fuzz slice: 5,000 mutated documents, no invariant broken', () => {
  const summary = runServiceFuzz({ iterations: 5_000, seed: 20261124 });
  assert.ok(summary.calls > 5_000 * 4, `only ${summary.calls} calls were made`);
  assert.deepEqual(summary.failures.map((f) => `#${f.iteration} [${f.mutations.join('+')}] ${f.problem}`), []);
});
