// arnFitsTemplate (one ARN split and tokenized once, answered up to the first field that cannot match, used by
// RESOURCE_MISMATCH) against arnMatchesTemplate, the straightforward field-by-field answer, on seeded ARNs made
// from the catalog's templates and mutated (wildcards, variables, spanning stars, missing fields, other services).
// Also tokenize (written without a per-call closure) against a plain reference tokenizer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnFitsTemplate, arnMatchesTemplate, SplitArn, tokenize } from '../../../server/src/service/knowledge/arnMatch';
import type { ResourceTypeInfo } from '../../../server/src/service/knowledge/catalog';
import { testCatalog } from '../../support/catalog';
import { prng } from '../../support/policyGenerator';

function seededArns(types: readonly ResourceTypeInfo[], count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const filler = (): string => pick(['x', 'my-thing', '*', '?', 'a*b', '${aws:username}', '123456789012', 'us-east-1', 'path/to/*', 'A/B', '${*}', '', '*/*', 'name:part', '\ue000']);
  const out: string[] = ['*', 'arn:aws:s3:::*', 'arn:*:*:*:*:*', 'arn:aws:iam::*', 'arn:aws', 'arn:aws:s3', 'arn:aws:logs:*', 'arn:aws:ec2:*:*:*'];
  while (out.length < count) {
    let arn = pick(types).arn.replace(/\$\{Partition\}/g, () => pick(['aws', 'aws-cn', '*', 'a?s'])).replace(/\$\{[^}]*\}/g, filler);
    const fields = arn.split(':');
    const r = random();
    if (r < 0.1 && fields.length > 3) arn = `${fields.slice(0, 3 + Math.floor(random() * 2)).join(':')}:*`;
    else if (r < 0.18 && fields.length > 3) arn = fields.slice(0, 2 + Math.floor(random() * 4)).join(':');
    else if (r < 0.26 && fields.length > 4) {
      fields[3] = pick(['*', 'us-*', '', 'eu-west-1']);
      fields[4] = pick(['*', '', 'aws', '1234*']);
      arn = fields.join(':');
    } else if (r < 0.32 && fields.length > 2) {
      fields[2] = pick(types).template.service || 's3';
      arn = fields.join(':');
    } else if (r < 0.38) arn = arn.toUpperCase();
    else if (r < 0.44) arn = `${arn}${pick(['/*', '*', '/extra', ':x'])}`;
    else if (r < 0.48) arn = arn.replace(/[a-z]/, '?');
    out.push(arn);
  }
  return out;
}

test('arnFitsTemplate agrees with arnMatchesTemplate on seeded ARNs against their own and other templates', () => {
  const catalog = testCatalog();
  const types = [...catalog.services.values()].flatMap((s) => [...s.resourceTypes.values()]);
  const random = prng(7);
  let fit = 0;
  let pairs = 0;
  for (const value of seededArns(types, 4000, 11)) {
    const split = new SplitArn(value);
    const service = value.split(':')[2]?.toLowerCase();
    // the templates of the ARN's own service (where most answers are yes) and a random sample of others
    const candidates = types.filter((t) => t.template.service === service || random() < 0.01);
    for (const t of candidates) {
      const expected = arnMatchesTemplate(value, t.template);
      assert.equal(arnFitsTemplate(split, t.template), expected, `"${value}" vs ${t.arn}`);
      pairs++;
      if (expected) fit++;
    }
  }
  assert.ok(pairs > 50_000 && fit > 5_000 && pairs - fit > 20_000, `${fit} fits of ${pairs} pairs`);
});

/** The tokenizer as first written (a closure per push), the reference for tokenize. */
function referenceTokenize(text: string, ignoreCase = true, variables = true): number[] {
  const out: number[] = [];
  const push = (t: number): void => {
    if (t === -1 && out.length > 0 && out[out.length - 1] === -1) return;
    out.push(t);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (variables && c === 36 && text.charCodeAt(i + 1) === 123) {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        const inner = text.slice(i + 2, close);
        if (inner === '*' || inner === '?' || inner === '$') push(inner.charCodeAt(0));
        else push(-1);
        i = close;
        continue;
      }
    }
    if (c === 42) push(-1);
    else if (c === 0xe000) push(-3);
    else if (c === 63) push(-2);
    else push(ignoreCase && c >= 65 && c <= 90 ? c + 32 : c);
  }
  return out;
}

test('tokenize agrees with the reference tokenizer on seeded texts', () => {
  const random = prng(23);
  const parts = ['a', 'Z', '*', '**', '?', '${', '}', '${aws:username}', '${*}', '${?}', '${$}', '${}', '${**}', '$', '{', '\ue000', ':', '/', 'é'];
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    const len = Math.floor(random() * 8);
    for (let k = 0; k < len; k++) text += parts[Math.floor(random() * parts.length)];
    for (const [ignoreCase, variables] of [[true, true], [false, true], [true, false], [false, false]] as const) {
      assert.deepEqual([...tokenize(text, ignoreCase, variables)], referenceTokenize(text, ignoreCase, variables), JSON.stringify(text));
    }
  }
});
