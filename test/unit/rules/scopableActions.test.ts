// RESOURCE_STAR's per-pattern scopable actions (scopableActionsOf, which RESOURCE_EFFECTIVELY_STAR also reads)
// against the straightforward filter over the expansion, on seeded patterns: names, prefixes with "*", services.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessLevel } from '../../../server/src/service/knowledge/accessLevel';
import { resourceTypesOfAction } from '../../../server/src/service/knowledge/arnIndex';
import { hasWildcard } from '../../../server/src/service/knowledge/glob';
import { patternFacts } from '../../../server/src/service/knowledge/patternFacts';
import { expandPattern } from '../../../server/src/service/knowledge/statementActions';
import { scopableActionsOf } from '../../../server/src/service/rules/resource/resourceStar';
import { testCatalog } from '../../support/catalog';
import { prng } from '../../support/policyGenerator';

test('scopableActionsOf equals the filter over the expansion on 5,000 seeded patterns', () => {
  const catalog = testCatalog();
  const names = [...catalog.services.values()].flatMap((s) => s.actions.map((a) => a.fullName));
  const random = prng(3);
  let nonEmpty = 0;
  for (let n = 0; n < 5000; n++) {
    const name = names[Math.floor(random() * names.length)]!;
    const colon = name.indexOf(':');
    const r = random();
    const pattern = r < 0.5 ? name : r < 0.9 ? `${name.slice(0, colon + 1 + Math.floor(random() * (name.length - colon)))}*` : `${name.slice(0, colon)}:*`;
    const expanded = expandPattern(catalog, pattern);
    const withTypes = expanded.filter((a) => a.accessLevel !== AccessLevel.List && (resourceTypesOfAction(a)?.length ?? 0) > 0);
    const expected = hasWildcard(pattern) && withTypes.length * 2 <= expanded.length ? [] : withTypes;
    assert.deepEqual([...scopableActionsOf(patternFacts(catalog, pattern))], expected, pattern);
    if (expected.length) nonEmpty++;
  }
  assert.ok(nonEmpty > 1000, `${nonEmpty} patterns with scopable actions`);
});
