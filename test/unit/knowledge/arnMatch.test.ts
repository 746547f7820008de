// ARN-vs-template matching and pattern overlap/coverage (knowledge/arnMatch.ts), IAM wildcard semantics.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnMatchesTemplate, matchArnTemplate, patternCovers, patternsOverlap, splitArnFields, tokenize, tokensOverlap, tokensOverlapByTable } from '../../../server/src/service/knowledge/arnMatch';
import { splitArnTemplate } from '../../../server/src/service/knowledge/arnTemplate';

const BUCKET = splitArnTemplate('arn:${Partition}:s3:::${BucketName}');
const OBJECT = splitArnTemplate('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
const ROLE = splitArnTemplate('arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}');
const LOG_GROUP = splitArnTemplate('arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}');
const QUEUE = splitArnTemplate('arn:${Partition}:sqs:${Region}:${Account}:${QueueName}');
const HEALTH = splitArnTemplate('arn:${Partition}:health:*::event/${Service}/${EventTypeCode}/*');

test('S3 bucket and object ARNs fit their own templates only', () => {
  assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket', BUCKET), true);
  assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket/*', OBJECT), true);
  assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket/a/b/c.txt', OBJECT), true);
  // a literal bucket name has no "/": it cannot be an object
  assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket', OBJECT), false);
  // `*` spans "/" inside the resource part: "arn:aws:s3:::*" reaches buckets and objects
  assert.equal(arnMatchesTemplate('arn:aws:s3:::*', BUCKET), true);
  assert.equal(arnMatchesTemplate('arn:aws:s3:::*', OBJECT), true);
  assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket*', OBJECT), true);
});

test('policy variables behave like wildcards, the ${*} escapes like literal characters', () => {
  assert.equal(arnMatchesTemplate('arn:aws:s3:::bucket/${aws:username}/*', OBJECT), true);
  assert.equal(arnMatchesTemplate('arn:aws:iam::*:user/${aws:username}', splitArnTemplate('arn:${Partition}:iam::${Account}:user/${UserNameWithPath}')), true);
  assert.equal(patternsOverlap('a${*}b', 'a*b'), true);
  assert.equal(patternsOverlap('a${*}b', 'axb'), false);
  assert.equal(patternsOverlap('a${aws:username}b', 'axyzb'), true);
});

test('region and account fields: empty, placeholder, literal', () => {
  assert.deepEqual(matchArnTemplate('arn:aws:iam:us-east-1:123456789012:role/x', ROLE), { partition: true, service: true, region: false, account: true, resource: true });
  assert.equal(arnMatchesTemplate('arn:aws:iam::123456789012:role/x', ROLE), true);
  assert.equal(arnMatchesTemplate('arn:aws:s3::123456789012:bucket', BUCKET), false);
  assert.equal(matchArnTemplate('arn:aws:s3::123456789012:bucket', BUCKET).account, false);
  // a literal `*` Region in a template (health) matches any Region
  assert.equal(arnMatchesTemplate('arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/abc', HEALTH), true);
});

test('a trailing `*` spans the following fields', () => {
  assert.equal(arnMatchesTemplate('arn:aws:logs:*:*:*', LOG_GROUP), true);
  assert.equal(arnMatchesTemplate('arn:aws:logs:us-east-1:123456789012:*', LOG_GROUP), true);
  assert.equal(arnMatchesTemplate('arn:aws:iam::*', ROLE), true);
  assert.equal(arnMatchesTemplate('arn:aws:logs:us-east-1:*', LOG_GROUP), true);
  assert.equal(arnMatchesTemplate('arn:*', QUEUE), true);
  // but a short ARN without a trailing star matches nothing
  assert.equal(arnMatchesTemplate('arn:aws:sqs:us-east-1:queue', QUEUE), false);
  // log streams: colons inside the resource part
  assert.equal(arnMatchesTemplate('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*', LOG_GROUP), true);
  assert.equal(arnMatchesTemplate('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:abc', LOG_GROUP), true);
});

test('wrong service or resource type does not match', () => {
  assert.equal(arnMatchesTemplate('arn:aws:sqs:us-east-1:123456789012:q', LOG_GROUP), false);
  assert.equal(arnMatchesTemplate('arn:aws:iam::123456789012:user/bob', ROLE), false);
  assert.equal(arnMatchesTemplate('arn:aws:iam::123456789012:ro?e/x', ROLE), true);
});

test('patternsOverlap: two-sided wildcards', () => {
  assert.equal(patternsOverlap('a*', '*b'), true);
  assert.equal(patternsOverlap('a*c', 'ab*'), true);
  assert.equal(patternsOverlap('a?c', 'abd'), false);
  assert.equal(patternsOverlap('x*', 'y*'), false);
  assert.equal(patternsOverlap('*x', '*y'), false);
  assert.equal(patternsOverlap('', '*'), true);
  assert.equal(patternsOverlap('', '?'), false);
  assert.equal(patternsOverlap('*a*', '*b*'), true);
  assert.equal(patternsOverlap('ab', 'AB'), true, 'case-insensitive by default');
  assert.equal(patternsOverlap('ab', 'AB', false), false);
});

test('patternCovers is sound: only true when every match of inner matches outer', () => {
  assert.equal(patternCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/*'), true);
  assert.equal(patternCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b/${aws:username}/*'), true);
  assert.equal(patternCovers('arn:aws:s3:::b/x/*', 'arn:aws:s3:::b/*'), false);
  assert.equal(patternCovers('a?', 'a*'), false, '? never absorbs a star');
  assert.equal(patternCovers('a?', 'a?'), true);
  assert.equal(patternCovers('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/bob'), false, 'a variable is not a wildcard for coverage');
  assert.equal(patternCovers('s3:get*', 's3:GetObject', true), true);
  assert.equal(patternCovers('s3:get*', 's3:GetObject', false), false);
  assert.equal(patternCovers('*', 'anything:at/all'), true);
});

test('splitArnFields ignores colons inside variables', () => {
  assert.deepEqual(splitArnFields('arn:aws:sqs:${aws:region}:123456789012:q'), ['arn', 'aws', 'sqs', '${aws:region}', '123456789012', 'q']);
  assert.deepEqual(splitArnFields('arn:aws:logs:r:a:log-group:x:*'), ['arn', 'aws', 'logs', 'r', 'a', 'log-group:x:*']);
  assert.deepEqual(splitArnFields('arn:aws:iam::*'), ['arn', 'aws', 'iam', '', '*']);
});

// Speed is `npm run bench`'s job; here the hostile inputs must complete (a hang is reported by the test
// layer's generous timeout) and give the right answers.
test('long hostile inputs complete with the right answers (no backtracking blow-up)', () => {
  const evil = `arn:aws:s3:::${'*a'.repeat(5000)}`;
  assert.equal(arnMatchesTemplate(evil, OBJECT), true);
  // the overlap DP is O(n·m) with m the template: here n = m = 10k on purpose (~100M steps), so it must be cut
  // short by the literal prefix/suffix check
  assert.equal(patternsOverlap(evil, `arn:aws:s3:::${'a'.repeat(10000)}b`), false);
  assert.equal(patternCovers(`arn:aws:s3:::${'*a'.repeat(5000)}`, `arn:aws:s3:::${'a'.repeat(10000)}`), true);
});

test('tokensOverlap (literal ends compared first, then a star at the start of one and the end of the other settles it) answers as the plain table does', () => {
  // every pair of short patterns over a small alphabet with stars, `?`, segment runs (U+E000), ":" and "/",
  // drawn from a fixed seed: the shortcuts may only skip work, never change an answer
  const alphabet = ['a', 'b', ':', '/', '*', '?', '\ue000', '${v}'];
  let seed = 7;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return (seed >>> 16) % n;
  };
  const pattern = (): string => Array.from({ length: next(9) }, () => alphabet[next(alphabet.length)]).join('');
  let shortcut = 0;
  for (let k = 0; k < 200_000; k++) {
    const a = tokenize(pattern());
    const b = tokenize(pattern());
    const expected = tokensOverlapByTable(a, b);
    assert.equal(tokensOverlap(a, b), expected, `${Array.from(a)} vs ${Array.from(b)}`);
    assert.equal(tokensOverlap(b, a), expected, `${Array.from(b)} vs ${Array.from(a)}`);
    if (expected && a.length > 0 && b.length > 0 && a[0] === -1 && b[b.length - 1] === -1) shortcut++;
  }
  // the draw reaches the shortcut's case many times
  assert.ok(shortcut > 1000, `${shortcut}`);
  // and the ARN shapes that made the table costly
  for (const [a, b] of [['*:*:network-insights-path/*', '${Region}:${Account}:transit-gateway-route-table/${Id}'], ['*:role/*sagemaker*', '${Account}:role/${RoleNameWithPath}'], ['us-east-1:*:instance/*', '${Region}:${Account}:volume/${VolumeId}']] as const) {
    assert.equal(tokensOverlap(tokenize(a), tokenize(b)), tokensOverlapByTable(tokenize(a), tokenize(b)), `${a} vs ${b}`);
  }
});
