// The catalog builds each service's actions on first use: lookups before and after, in any order, see the same
// actions; expandActions('*') sees every one; warmUpStep (the server's idle warm-up) builds each service once
// and then says it is done.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCatalogFile, loadCatalog, type CatalogFile, type RawCatalog } from '../../../server/src/service';
import { REPO_ROOT } from '../../support/catalog';

const file = (): CatalogFile => JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'iam-catalog.json'), 'utf8')) as CatalogFile;
// as the server and CLI read it: each service's actions parsed on first use
const raw = (): RawCatalog => decodeCatalogFile(readFileSync(join(REPO_ROOT, 'dist', 'iam-catalog.json')));

test('lazy services: exact, case-insensitive and wildcard lookups agree with the raw data', () => {
  const data = file();
  const catalog = loadCatalog(raw());
  const s3 = catalog.getAction('s3:GetObject');
  assert.equal(s3?.fullName, 's3:GetObject');
  assert.equal(catalog.getAction('S3:GETOBJECT'), s3, 'the same object, whatever the casing');
  assert.equal(catalog.getAction('s3:NoSuchAction'), undefined);
  assert.equal(catalog.getAction('nosuchservice:GetObject'), undefined);
  assert.equal(catalog.getAction('s3'), undefined);
  const total = Object.values(data.actions).reduce((n, a) => n + a.length, 0);
  assert.equal(catalog.actionCount, total);
  const all = catalog.expandActions('*');
  assert.equal(all.length, total);
  for (const [prefix, actions] of Object.entries(data.actions).slice(0, 40)) {
    assert.equal(catalog.getService(prefix)!.actions.length, actions.length, prefix);
    for (const a of actions) assert.equal(catalog.getAction(`${prefix}:${a[0].toLowerCase()}`)?.name, a[0]);
  }
});

test('warmUpStep builds every service once, then reports it is done', () => {
  const catalog = loadCatalog(raw());
  catalog.getAction('s3:GetObject'); // s3 is built already: warm-up skips it
  let steps = 0;
  while (catalog.warmUpStep!()) steps++;
  assert.equal(steps, catalog.services.size - 1);
  assert.equal(catalog.warmUpStep!(), false);
  assert.equal(catalog.expandActions('s3:Get*').every((a) => a.fullName.startsWith('s3:Get')), true);
});

/** a service's action-listed keys worked out from its built actions, lowercased: the reference for the head's `ak` */
function keysFromActions(actions: readonly { conditionKeys: readonly string[]; resources: readonly { conditionKeys: readonly string[] }[] }[]): string[] {
  const out = new Set<string>();
  for (const a of actions) {
    for (const k of a.conditionKeys) out.add(k.toLowerCase());
    for (const r of a.resources) for (const k of r.conditionKeys) out.add(k.toLowerCase());
  }
  return [...out].sort();
}

test("actionConditionKeys: the file's head gives every key a service's actions list, without building the service", () => {
  const data = file();
  const catalog = loadCatalog(raw());
  let keys = 0;
  for (const svc of catalog.services.values()) {
    const fromHead = [...new Set(svc.actionConditionKeys.map((k) => k.toLowerCase()))].sort();
    assert.equal(fromHead.length, svc.actionConditionKeys.length, `${svc.prefix}: each key once`);
    keys += fromHead.length;
    // read before the service is built: the warm-up still has every service to build
    assert.deepEqual(fromHead, keysFromActions(data.actions[svc.prefix]!.map(([, , , res, ks]) => ({ conditionKeys: ks, resources: res.map(([, , k]) => ({ conditionKeys: k ?? [] })) }))), svc.prefix);
  }
  let steps = 0;
  while (catalog.warmUpStep!()) steps++;
  assert.equal(steps, catalog.services.size, 'reading actionConditionKeys built no service');
  assert.ok(keys > 1000, `the data lists over a thousand action keys (${keys})`);
  for (const svc of catalog.services.values()) assert.deepEqual([...new Set(svc.actionConditionKeys.map((k) => k.toLowerCase()))].sort(), keysFromActions(svc.actions), svc.prefix);
});

test('actionConditionKeys without the head\'s list (an iam-data folder): worked out from the actions, the same keys', () => {
  const withHead = loadCatalog(raw());
  const plain = raw();
  for (const s of Object.values(plain.services)) delete s.ak;
  const without = loadCatalog(plain);
  for (const svc of without.services.values()) {
    assert.deepEqual(
      [...svc.actionConditionKeys].map((k) => k.toLowerCase()).sort(),
      [...withHead.getService(svc.prefix)!.actionConditionKeys].map((k) => k.toLowerCase()).sort(),
      svc.prefix,
    );
  }
});
