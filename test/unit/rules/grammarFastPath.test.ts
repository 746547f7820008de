// The tree walk that skips ajv for plainly valid policies (plainlyValid.ts) must never say "valid" where
// the schema finds a problem: checked on the real-policy corpus and on thousands of seeded mutations of it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getNodeValue, parseTree } from 'jsonc-parser';
import policySchemaValidator from '../../../server/src/service/rules/grammar/policySchemaValidator.generated';
import { plainlyValid } from '../../../server/src/service/rules/grammar/plainlyValid';
import { corpusTexts } from '../../support/corpus';
import { prng } from '../../support/policyGenerator';

const corpus = corpusTexts().filter((text) => parseTree(text)?.type === 'object');

/** Both verdicts for one text: the fast walk and the schema. */
function verdicts(text: string): { plain: boolean; schema: boolean } {
  const root = parseTree(text);
  assert.ok(root, text.slice(0, 80));
  return { plain: plainlyValid(root), schema: policySchemaValidator(getNodeValue(root)) === true };
}

test('on the real-policy corpus the walk never accepts what the schema rejects, and accepts most policies', () => {
  let plain = 0;
  for (const text of corpus) {
    const v = verdicts(text);
    if (v.plain) assert.ok(v.schema, `walk accepted a policy the schema rejects: ${text.slice(0, 200)}`);
    if (v.plain) plain++;
  }
  assert.ok(corpus.length > 100, `corpus of ${corpus.length}`);
  assert.ok(plain > corpus.length / 2, `only ${plain} of ${corpus.length} corpus policies took the fast path`);
});

const REPLACEMENTS: unknown[] = ['x', '', '*', 5, 0, true, false, null, [], ['a'], [1], [['a']], [null], {}, { a: 'b' }, { a: 1 }, { a: ['b'] }, { a: [1] }, { a: { b: 'c' } }, 'Allow', 'allow', 'Deny', '2012-10-17', '2012-10-18'];
const KEYS = ['Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'action', 'Principl', 'StringEquals', 'aws:SourceIp'];

/** Every object and array inside `value`, with itself. */
function containers(value: unknown, out: Array<Record<string, unknown> | unknown[]> = []): Array<Record<string, unknown> | unknown[]> {
  if (value && typeof value === 'object') {
    out.push(value as Record<string, unknown> | unknown[]);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

/** One random edit somewhere in the value: replace, delete or add an entry, or wrap/unwrap a value. */
function mutate(value: unknown, random: () => number): void {
  const all = containers(value);
  const target = all[Math.floor(random() * all.length)]!;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const keys = Object.keys(target);
  const op = random();
  if (Array.isArray(target)) {
    if (op < 0.5 && target.length > 0) target[Math.floor(random() * target.length)] = structuredClone(pick(REPLACEMENTS));
    else if (op < 0.75 && target.length > 0) target.splice(Math.floor(random() * target.length), 1);
    else target.push(structuredClone(pick(REPLACEMENTS)));
    return;
  }
  const obj = target as Record<string, unknown>;
  if (op < 0.45 && keys.length > 0) obj[pick(keys)] = structuredClone(pick(REPLACEMENTS));
  else if (op < 0.65 && keys.length > 0) delete obj[pick(keys)];
  else if (op < 0.85) obj[pick(KEYS)] = structuredClone(pick(REPLACEMENTS));
  else if (keys.length > 0) {
    // wrap a value in an array, or an array's first item out of it
    const k = pick(keys);
    const v = obj[k];
    obj[k] = Array.isArray(v) ? v[0] : [v];
  }
}

test('on seeded mutations of the corpus the walk never accepts what the schema rejects', () => {
  const random = prng(20261124);
  const seen = { plain: 0, schemaOnly: 0, rejected: 0 };
  for (let round = 0; round < 8; round++) {
    for (const text of corpus) {
      const value = JSON.parse(text) as unknown;
      const edits = 1 + Math.floor(random() * 2);
      for (let i = 0; i < edits; i++) mutate(value, random);
      const mutated = JSON.stringify(value);
      const v = verdicts(mutated);
      if (v.plain) assert.ok(v.schema, `walk accepted a policy the schema rejects: ${mutated}`);
      if (v.plain) seen.plain++;
      else if (v.schema) seen.schemaOnly++;
      else seen.rejected++;
    }
  }
  // the mutations must exercise both sides of the walk, or this test proves nothing
  assert.ok(seen.plain > 200 && seen.rejected > 200, JSON.stringify(seen));
});

test('duplicate keys: every copy is checked, so a bad first copy sends the policy to the schema', () => {
  const ok = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
  assert.deepEqual(verdicts(ok), { plain: true, schema: true });
  // JSON.parse and getNodeValue keep the last copy: the schema sees a valid Effect, the walk declines
  const twice = '{"Version":"2012-10-17","Statement":[{"Effect":5,"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
  assert.deepEqual(verdicts(twice), { plain: false, schema: true });
  const lastBad = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}';
  assert.deepEqual(verdicts(lastBad), { plain: false, schema: false });
});

test('shapes the walk leaves to the schema: trust statements without Resource, non-map principals, exclusive pairs', () => {
  const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  assert.equal(verdicts(trust).plain, false);
  const both = '{"Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"s3:Get*","Resource":"*"}]}';
  assert.deepEqual(verdicts(both), { plain: false, schema: false });
  const principals = '{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:root"]},"Principal":"*","Action":"s3:*","Resource":"*"}]}';
  assert.deepEqual(verdicts(principals), { plain: false, schema: false });
  const condition = '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":[true, "false", 1]}}}]}';
  assert.deepEqual(verdicts(condition), { plain: true, schema: true });
  const nullCondition = '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Null":{"aws:TagKeys":null}}}]}';
  assert.deepEqual(verdicts(nullCondition), { plain: false, schema: false });
});
