// The security rules' action pickers against the straightforward name checks they replace, on every action of
// the catalog: tablePicker (a set of catalog actions per table) against a lookup of the lowercased full name, and
// isDefaultSensitive (lowercases only for the services the table names) against its first form.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionInfo, IamCatalog } from '../../../server/src/service/knowledge/catalog';
import { CREDENTIALS_EXPOSURE_ACTIONS, DATA_EXFILTRATION_ACTIONS, DEFAULT_SENSITIVE_ACTIONS } from '../../../server/src/service/knowledge/riskTables';
import { actionNameSet, tablePicker } from '../../../server/src/service/rules/security/actionItems';
import { isDefaultSensitive, MFA_BOOTSTRAP } from '../../../server/src/service/rules/security/sensitiveActionWithoutCondition';
import { testCatalog } from '../../support/catalog';
import { caseTwinCatalog } from '../../support/caseTwinCatalog';

/** isDefaultSensitive as first written (a lowercased copy per check): the reference. */
function isDefaultSensitiveByNames(a: ActionInfo): boolean {
  if (MFA_BOOTSTRAP.has(a.fullName.toLowerCase())) return false;
  return DEFAULT_SENSITIVE_ACTIONS.some(
    (g) => a.service.prefix === g.service && ((a.accessLevel & g.accessLevels) !== 0 || g.actions.some((n) => n.toLowerCase() === a.fullName.toLowerCase())),
  );
}

function everyAction(catalog: IamCatalog): ActionInfo[] {
  return [...catalog.services.values()].flatMap((s) => [...s.actions]);
}

test('tablePicker picks exactly the actions whose lowercased full name is in the table, on every catalog action', () => {
  const catalog = testCatalog();
  const actions = everyAction(catalog);
  for (const names of [CREDENTIALS_EXPOSURE_ACTIONS, DATA_EXFILTRATION_ACTIONS, ['S3:GetObject', 'iam:passrole', 'nosuch:Thing', 'ec2:*']]) {
    const table = actionNameSet(names);
    const pick = tablePicker(catalog, table);
    let picked = 0;
    for (const a of actions) {
      const expected = table.has(a.fullName.toLowerCase());
      assert.equal(pick(a), expected, `${a.fullName} with ${names.slice(0, 3).join(', ')}…`);
      if (expected) picked++;
    }
    assert.ok(picked >= 2, `${picked} picked`);
    // the picker is kept per catalog and table
    assert.equal(tablePicker(catalog, table), pick);
  }
});

test('tablePicker also picks names that differ only in case, and nothing of another catalog', () => {
  const catalog = caseTwinCatalog();
  const pick = tablePicker(catalog, actionNameSet(['svc:GetThing']));
  assert.deepEqual(everyAction(catalog).filter(pick).map((a) => a.name), ['GetThing', 'getthing']);
  assert.equal(everyAction(testCatalog()).some(pick), false);
});

test('isDefaultSensitive agrees with the name-by-name check on every catalog action', () => {
  let sensitive = 0;
  for (const a of everyAction(testCatalog())) {
    const expected = isDefaultSensitiveByNames(a);
    assert.equal(isDefaultSensitive(a), expected, a.fullName);
    if (expected) sensitive++;
  }
  assert.ok(sensitive > 100, `${sensitive} sensitive actions`);
});
