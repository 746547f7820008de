// The risk tables (knowledge/riskTables.ts) are data: every action they name must exist in the IAM catalog
// (a renamed action would silently stop matching), names must be unique, and the sensitive-action groups must
// select real actions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CREDENTIALS_EXPOSURE_ACTIONS,
  DATA_EXFILTRATION_ACTIONS,
  DEFAULT_SENSITIVE_ACTIONS,
  PRIVILEGE_ESCALATION_COMBOS,
  SENSITIVE_ACTION_GUARD_KEYS,
} from '../../../server/src/service/knowledge/riskTables';
import { testCatalog } from '../../support/catalog';

test('every escalation combo names real actions, once, and combos are unique', () => {
  const catalog = testCatalog();
  const names = new Set<string>();
  const shapes = new Set<string>();
  for (const combo of PRIVILEGE_ESCALATION_COMBOS) {
    assert.ok(!names.has(combo.name), `duplicate combo name ${combo.name}`);
    names.add(combo.name);
    const key = [...combo.actions].map((a) => a.toLowerCase()).sort().join('+');
    assert.ok(!shapes.has(key), `duplicate combo actions ${key}`);
    shapes.add(key);
    assert.equal(new Set(combo.actions).size, combo.actions.length, combo.name);
    for (const a of combo.actions) {
      const info = catalog.getAction(a);
      assert.ok(info, `${combo.name}: ${a} is not in the catalog`);
      assert.equal(info!.fullName, a, `${combo.name}: ${a} should use the canonical casing ${info!.fullName}`);
    }
  }
  // the catalogue §3 list: 22 Rhino/cloudsplaining methods plus the pathfinding.cloud additions
  assert.equal(PRIVILEGE_ESCALATION_COMBOS.filter((c) => c.source === 'Rhino Security Labs').length, 22);
  assert.ok(PRIVILEGE_ESCALATION_COMBOS.length >= 55);
});

test('credential-exposure and data-exfiltration tables name real, distinct actions', () => {
  const catalog = testCatalog();
  for (const table of [CREDENTIALS_EXPOSURE_ACTIONS, DATA_EXFILTRATION_ACTIONS]) {
    assert.equal(new Set(table.map((a) => a.toLowerCase())).size, table.length);
    for (const a of table) assert.ok(catalog.getAction(a), `${a} is not in the catalog`);
  }
  assert.ok(CREDENTIALS_EXPOSURE_ACTIONS.includes('sts:AssumeRole'));
  assert.ok(DATA_EXFILTRATION_ACTIONS.includes('s3:GetObject'));
});

test('sensitive-action groups select actions of their service, and their explicit actions exist', () => {
  const catalog = testCatalog();
  for (const g of DEFAULT_SENSITIVE_ACTIONS) {
    const svc = catalog.getService(g.service);
    assert.ok(svc, g.service);
    assert.ok(svc!.actions.some((a) => (a.accessLevel & g.accessLevels) !== 0), `${g.service}: no action has the listed access levels`);
    for (const a of g.actions) assert.equal(catalog.getAction(a)?.service.prefix, g.service, a);
  }
  for (const k of SENSITIVE_ACTION_GUARD_KEYS) assert.ok(catalog.getConditionKey(k), k);
});
