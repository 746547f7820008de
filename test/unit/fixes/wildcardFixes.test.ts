// Quick fixes on wildcard diagnostics: "s3:*" narrowed by access level and scoped to resource ARNs, "*" replaced
// by the services the statement's resources name (or a snippet choice), one entry per fix whatever the number
// of diagnostics, valid JSON, never a wider grant, and nothing for a Deny or a NotAction.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { createIamLanguageService } from '../../../server/src/service';
import { relatedFindingsOf } from '../../../server/src/service/features/toDiagnostic';
import { actionsAt, applyAction } from '../../support/codeActions';
import { grantsOf } from '../../support/grants';
import { testCatalog } from '../../support/catalog';

const policy = (statement: string, more = ''): string => `{
  "Version": "2012-10-17",
  "Statement": [
    ${statement}${more ? `,\n    ${more}` : ''}
  ]
}`;

const quickFixes = (actions: CodeAction[]): CodeAction[] => actions.filter((a) => a.kind === 'quickfix');

function assertNarrowing(before: string, after: string): void {
  assert.ok(parseTree(after), 'the result parses');
  const b = grantsOf(before).allowed;
  for (const a of grantsOf(after).allowed) assert.ok(b.has(a), `${a} was not granted before`);
}

test('"s3:*": narrow to List + Read, to no Permissions management, scope the Resource; one entry each', () => {
  const text = policy('{ "Sid": "S3", "Effect": "Allow", "Action": "s3:$0*", "Resource": "*" }');
  const { doc, actions } = actionsAt(text);
  const fixes = quickFixes(actions);
  const titles = fixes.map((a) => a.title);
  const readOnly = fixes.find((a) => a.title.startsWith('Narrow "s3:*" to its List and Read actions'));
  assert.ok(readOnly, titles.join('\n'));
  const noPm = fixes.find((a) => a.title.includes('without Permissions management'));
  assert.ok(noPm, titles.join('\n'));
  // the same fix proposed for SERVICE_WILDCARD, WRITE_UNCONSTRAINED, ... is one entry listing them all
  assert.equal(new Set(titles).size, titles.length, `duplicate entries: ${titles.join('\n')}`);
  // overlapping findings on one token are folded into the leading one (rules/combineFindings.ts), whose folded
  // rules' fixes are still proposed: the entry resolves that diagnostic, and the fix each folded rule proposes
  // again is the same single entry (the uniqueness check above)
  const onItem = readOnly.diagnostics ?? [];
  assert.equal(onItem.length, 1, 'the entry resolves the diagnostic on the item');
  assert.ok(relatedFindingsOf(onItem[0]!).length >= 1, 'several findings on "s3:*" stand behind it');
  const original = doc.getText();
  const narrowed = applyAction(doc, readOnly);
  assertNarrowing(original, narrowed);
  const granted = grantsOf(narrowed).allowed;
  assert.ok(granted.has('s3:GetObject') && granted.has('s3:ListBucket'));
  assert.ok(!granted.has('s3:PutObject') && !granted.has('s3:PutBucketPolicy'));
  assertNarrowing(original, applyAction(doc, noPm));
  assert.ok(!grantsOf(applyAction(doc, noPm)).allowed.has('s3:PutBucketPolicy'));
  assert.ok(grantsOf(applyAction(doc, noPm)).allowed.has('s3:PutObject'));
});

test('Resource "*" of an "s3:*" statement gets a scope fix with placeholders', () => {
  const text = policy('{ "Sid": "S3", "Effect": "Allow", "Action": "s3:*", "Resource": "$0*" }');
  const { doc, actions } = actionsAt(text);
  const scope = quickFixes(actions).find((a) => a.title.startsWith('Scope Resource "*" of "s3:*"'));
  assert.ok(scope, quickFixes(actions).map((a) => a.title).join('\n'));
  const after = applyAction(doc, scope);
  assert.match(after, /"arn:aws:s3:::<BucketName>"/);
  assert.match(after, /"arn:aws:s3:::<BucketName>\/<ObjectName>"/);
  assert.ok(parseTree(after));
  // with snippet edits the placeholders are tab stops
  const svc = createIamLanguageService({ catalog: testCatalog(), snippetEdits: true });
  const d2 = TextDocument.create('file:///p.json', 'json', 1, text.replace('$0', ''));
  const parsed = svc.parse(d2);
  const diags = svc.validate(d2, parsed).filter((d) => d.code === 'RESOURCE_STAR');
  const snip = svc.codeActions(d2, parsed, diags[0]!.range, { diagnostics: diags }).find((a) => a.title.startsWith('Scope Resource "*" of "s3:*"'));
  assert.ok(snip?.edit?.documentChanges);
  assert.match(JSON.stringify(snip.edit.documentChanges), /\$\{1:BucketName\}/);
});

test('"*" on "*": the services of the statement\'s resources, and a snippet choice of services', () => {
  const text = policy('{ "Sid": "All", "Effect": "Allow", "Action": "$0*", "Resource": "arn:aws:dynamodb:*:*:table/Orders" }', '{ "Sid": "Q", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }');
  const { doc, actions } = actionsAt(text);
  const fixes = quickFixes(actions);
  const byResource = fixes.find((a) => a.title.startsWith('Replace "*" with "dynamodb:*"'));
  assert.ok(byResource, fixes.map((a) => a.title).join('\n'));
  const after = applyAction(doc, byResource);
  assert.match(after, /"Action": "dynamodb:\*"/);
  assertNarrowing(doc.getText(), after);
  const readOnly = fixes.find((a) => a.title.startsWith('Replace "*" with the List and Read actions of dynamodb'));
  assert.ok(readOnly);
  assertNarrowing(doc.getText(), applyAction(doc, readOnly));

  const star = policy('{ "Sid": "All", "Effect": "Allow", "Action": "*", "Resource": "*" }', '{ "Sid": "Q", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" }');
  const svc = createIamLanguageService({ catalog: testCatalog(), snippetEdits: true });
  const d2 = TextDocument.create('file:///p.json', 'json', 1, star);
  const parsed = svc.parse(d2);
  const diags = svc.validate(d2, parsed).filter((d) => d.range.start.line === 3 && d.range.start.character === star.split('\n')[3]!.indexOf('"*"'));
  // one diagnostic leads on "*", the other findings are folded into it (rules/combineFindings.ts)
  assert.equal(diags.length, 1, `one diagnostic on "*": ${diags.map((d) => d.code).join(', ')}`);
  assert.ok(relatedFindingsOf(diags[0]!).length >= 1, 'several findings on "*" stand behind it');
  const choice = svc.codeActions(d2, parsed, diags[0]!.range, { diagnostics: diags }).filter((a) => a.title === 'Replace "*" with all actions of one service (choose it)');
  assert.equal(choice.length, 1, 'one entry, not one per diagnostic');
  const snippet = JSON.stringify(choice[0]!.edit?.documentChanges);
  assert.match(snippet, /\$\{1\|sqs,s3,/, 'services the policy uses come first');
  // without snippet support: the services of the other statements, as a plain edit
  const { doc: d3, actions: a3 } = actionsAt(star.replace('"Action": "*"', '"Action": "$0*"'));
  const listed = quickFixes(a3).find((a) => a.title.startsWith('Replace "*" with the services the policy\'s other statements use'));
  assert.ok(listed);
  assert.match(applyAction(d3, listed), /"Action": "sqs:\*"/);
});

test('no narrowing fix for a Deny or a NotAction (it would widen access)', () => {
  for (const st of ['{ "Effect": "Deny", "Action": "s3:$0*", "Resource": "*" }', '{ "Effect": "Allow", "NotAction": "s3:$0*", "Resource": "*" }']) {
    const { actions } = actionsAt(policy(st));
    assert.deepEqual(quickFixes(actions).filter((a) => /Narrow|Scope Resource "\*" of/.test(a.title)).map((a) => a.title), []);
  }
});
