// Refactorings at the cursor, through the real service: offered titles, and the whole text after applying.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsAt, applyAction } from '../../support/codeActions';
import { testCatalog } from '../../support/catalog';

const catalog = testCatalog();
const granted = (text: string) => {
  const p = JSON.parse(text);
  const stmts = Array.isArray(p.Statement) ? p.Statement : [p.Statement];
  const out = new Set<string>();
  for (const s of stmts) for (const a of [s.Action].flat()) for (const x of catalog.expandActions(a)) out.add(x.fullName);
  return out;
};

test('narrow s3:Get* to List + Read keeps a strict subset', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:Put*$0"],\n      "Resource": "*"\n    }\n  ]\n}';
  const { doc, actions } = actionsAt(src, ['refactor']);
  const titles = actions.map((a) => a.title);
  const narrow = actions.find((a) => a.title.startsWith('Narrow "s3:Put*" to List + Read actions only'));
  assert.ok(!narrow, `s3:Put* has no List/Read actions, so no read-only narrowing: ${titles.join(' | ')}`);
  const noPm = actions.find((a) => a.title.includes('no Permissions management'));
  assert.ok(noPm, titles.join(' | '));
  const after = applyAction(doc, noPm);
  const before = granted(doc.getText());
  const now = granted(after);
  assert.ok(now.size > 0 && now.size < before.size);
  for (const a of now) assert.ok(before.has(a), `${a} was not granted before`);
  assert.ok(!now.has('s3:PutBucketPolicy'), 'Permissions management actions are removed');
});

test('narrowing is not offered in a Deny statement (it would widen access), expansion is', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sqs:*$0", "Resource": "*"}]}';
  const { actions } = actionsAt(src, ['refactor']);
  assert.ok(!actions.some((a) => a.title.startsWith('Narrow')));
  assert.ok(actions.some((a) => a.title.startsWith('Expand "sqs:*" into all')));
});

test('expand a wildcard into the explicit list: same grant, one-line style kept', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:Get*$0", "s3:ListBucket"], "Resource": "*"}]}';
  const { doc, actions } = actionsAt(src, ['refactor.rewrite']);
  const expand = actions.find((a) => a.title.startsWith('Expand "sqs:Get*"'))!;
  const after = applyAction(doc, expand);
  assert.deepEqual([...granted(after)].sort(), [...granted(doc.getText())].sort());
  assert.equal(after, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "s3:ListBucket"], "Resource": "*"}]}');
});

test('collapse a list into equivalent wildcards', () => {
  const names = catalog.expandActions('sqs:*').map((a) => `"${a.fullName}"`);
  const src = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [${names.join(', ').replace('"sqs:', '"$0sqs:')}], "Resource": "*"}]}`;
  const { doc, actions } = actionsAt(src, ['refactor']);
  const collapse = actions.find((a) => a.title.startsWith('Collapse'))!;
  assert.ok(collapse, actions.map((a) => a.title).join(' | '));
  assert.equal(applyAction(doc, collapse), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:*"], "Resource": "*"}]}');
});

test('sort and de-duplicate actions', () => {
  const src = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject$0", "s3:getobject"], "Resource": "*"}]}';
  const { doc, actions } = actionsAt(src, ['refactor']);
  const sort = actions.find((a) => a.title === 'Sort and remove duplicate actions')!;
  assert.equal(applyAction(doc, sort), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]}');
});

test('split a statement by service, Sids kept unique and valid', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Read",\n      "Effect$0": "Allow",\n      "Action": ["s3:GetObject", "sqs:ReceiveMessage"],\n      "Resource": "*"\n    }\n  ]\n}';
  const { doc, actions } = actionsAt(src, ['refactor.extract']);
  const split = actions.find((a) => a.title.startsWith('Split statement by service'))!;
  const after = applyAction(doc, split);
  assert.equal(
    after,
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "ReadS3",\n      "Effect": "Allow",\n      "Action": ["s3:GetObject"],\n      "Resource": "*"\n    },\n    {\n      "Sid": "ReadSqs",\n      "Effect": "Allow",\n      "Action": ["sqs:ReceiveMessage"],\n      "Resource": "*"\n    }\n  ]\n}',
  );
});

test('split a statement by resource type: each action keeps only the ARNs of its types', () => {
  const src = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Bucket",\n      "Effect$0": "Allow",\n      "Action": ["s3:ListBucket", "s3:GetObject", "s3:PutObject"],\n      "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]\n    }\n  ]\n}';
  const { doc, actions } = actionsAt(src, ['refactor.extract']);
  const split = actions.find((a) => a.title.startsWith('Split statement by resource type'))!;
  assert.ok(split, actions.map((a) => a.title).join(' | '));
  assert.equal(
    applyAction(doc, split),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Bucket",\n      "Effect": "Allow",\n      "Action": ["s3:ListBucket"],\n      "Resource": ["arn:aws:s3:::my-bucket"]\n    },\n    {\n      "Sid": "BucketPart2",\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:PutObject"],\n      "Resource": ["arn:aws:s3:::my-bucket/*"]\n    }\n  ]\n}',
  );
});
