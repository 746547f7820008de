// The built language server validates .iam-policy.json against the generated schema at run time: each problem is
// a diagnostic on the config file (code INVALID_CONFIG, at the offending key or value) plus a notification, and
// the diagnostics are cleared once the file is fixed. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startRecordingSession } from '../support/lspClient';

test('.iam-policy.json problems: diagnostics on the config file with their places, a notification, cleared when fixed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-config-'));
  const configPath = join(dir, '.iam-policy.json');
  writeFileSync(configPath, '{\n  "rules": { "RESOURCE_STARS": "off" },\n  "accountIds": ["1234"]\n}\n');
  const { connection, messages, published, until, stop } = await startRecordingSession({
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  t.after(() => {
    stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const configUri = pathToFileURL(configPath).toString();
  const policyUri = pathToFileURL(join(dir, 'p.json')).toString();
  const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: policyUri, languageId: 'json', version: 1, text: policy } });
  const diags = await until(() => published.find((p) => p.uri === configUri)?.diagnostics);
  assert.deepEqual(
    diags.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message]),
    [
      ['INVALID_CONFIG', 1, 1, 13, '"rules": unknown rule code "RESOURCE_STARS": did you mean "RESOURCE_STAR"? (iam-policy-check --list-rules lists them) (at rules.RESOURCE_STARS)'],
      ['INVALID_CONFIG', 1, 2, 17, '"accountIds": "1234" is not a 12-digit AWS account ID (at accountIds[0])'],
    ],
  );
  const note = await until(() => messages.find((m) => m.includes('unknown rule code')));
  assert.match(note, /\.iam-policy\.json:2:14: "rules": unknown rule code "RESOURCE_STARS".*\(and 1 more/);

  // fixed on disk: the watcher's event clears the diagnostics, and the next check finds nothing to republish
  writeFileSync(configPath, '{ "rules": { "RESOURCE_STAR": "off" } }\n');
  const before = published.length;
  await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  const cleared = await until(() => published.slice(before).find((p) => p.uri === configUri));
  assert.deepEqual(cleared.diagnostics, []);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: policyUri, version: 2 }, contentChanges: [{ text: policy.replace('b/*', 'c/*') }] });
  await until(() => published.slice(before).find((p) => p.uri === policyUri));
  assert.equal(published.slice(before).filter((p) => p.uri === configUri && p.diagnostics.length > 0).length, 0);
});
