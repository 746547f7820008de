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
