// The built language server and issue 20: an unknown rule code in iamPolicy.rules is reported (not silently
// ignored); initializationOptions.iamDataPath / --iam-data=DIR choose the IAM data; inline suppressions and the
// "Disable RULE for this line" code action work over LSP in a CloudFormation YAML document. Run `npm run build` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { DATA_VERSION_REQUEST } from '../../server/src/protocol';
import { startRecordingSession } from '../support/lspClient';

const ROOT = join(__dirname, '..', '..', '..');

const session = (args: string[], initializationOptions: unknown, settings: unknown) => startRecordingSession({ args, initializationOptions, settings });

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action:
              - s3:GetObjekt # iam-policy-ignore INVALID_ACTION: legacy
              - s3:PutObjekt
            Resource: arn:aws:s3:::b/*
`;

test('unknown iamPolicy.rules code is reported; suppression comments and the Disable code action over LSP', async (t) => {
  const s = await session([], {}, { rules: { RESOURCE_STARS: 'off' } });
  t.after(() => s.stop());
  const uri = 'file:///virtual/template.yaml';
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: YAML } });
  const diags = await s.until(() => s.published.find((p) => p.uri === uri)?.diagnostics);
  const invalid = diags.filter((d) => d.code === 'INVALID_ACTION');
  assert.deepEqual(invalid.map((d) => d.range.start.line), [10], 'the commented line is suppressed, the next is not');
  const message = await s.until(() => s.messages.find((m) => m.includes('unknown rule code')));
  assert.match(message, /iamPolicy\.rules: unknown rule code "RESOURCE_STARS": did you mean "RESOURCE_STAR"\?/);
  const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: invalid[0]!.range, context: { diagnostics: invalid } })) as CodeAction[];
  const disable = actions.find((a) => a.title === 'Disable INVALID_ACTION for this line');
  assert.ok(disable, actions.map((a) => a.title).join(' | '));
  assert.deepEqual(disable.edit?.changes?.[uri], [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '              # iam-policy-ignore INVALID_ACTION: reason\n' }]);
});

test('the IAM data folder comes from initializationOptions.iamDataPath or --iam-data=DIR', async (t) => {
  const pkg = join(ROOT, 'node_modules', '@cloud-copilot', 'iam-data');
  const good = await session([], { iamDataPath: pkg }, {});
  t.after(() => good.stop());
  assert.equal(good.initError, undefined);
  const version = (await good.connection.sendRequest(DATA_VERSION_REQUEST)) as { version: string; updatedAt: string };
  assert.match(version.version, /^\d+\.\d+\./);
  const bad = await session([], { iamDataPath: join(ROOT, 'no-such-folder') }, {});
  t.after(() => bad.stop());
  assert.match(bad.initError ?? '', /no-such-folder is not an @cloud-copilot\/iam-data package folder/);
  const flag = await session([`--iam-data=${join(ROOT, 'no-such-folder')}`], {}, {});
  t.after(() => flag.stop());
  assert.match(flag.initError ?? '', /no-such-folder is not an @cloud-copilot\/iam-data package folder/);
});
