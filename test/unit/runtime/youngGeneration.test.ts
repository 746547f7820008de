// The CLI's young-generation cap (server/src/runtime/youngGeneration.ts): it stops the new space's growth once it
// has reached the cap, and not before. Its effect on peak memory is measured by `npm run bench` (corpus), never here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newSpaceBytes, youngGenerationCap } from '../../../server/src/runtime/youngGeneration';

test('newSpaceBytes reads the new space V8 reports', () => {
  assert.ok(newSpaceBytes() > 0);
});

test('below the cap nothing is changed; at the cap the growth stops, once', () => {
  const roomy = youngGenerationCap(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < 20; i++) roomy.tick();
  assert.equal(roomy.capped, false);
  const tight = youngGenerationCap(1);
  assert.equal(tight.capped, false, 'nothing happens before the first tick');
  tight.tick();
  assert.equal(tight.capped, true);
  tight.tick();
  assert.equal(tight.capped, true);
});
