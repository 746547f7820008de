// Editor-feature latency in one process: completion after `"s3:` (unclosed string, the s3 action list) and
// after `"` inside Action (every service prefix), and hover on an action, a wildcard and a condition key.
// p50 / p95 over 1,000 requests each; the document is parsed once, as the server caches the parse per version.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const REQUESTS = 1000;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50 / p95 in ms of `fn` over `n` calls (after a short warm-up). */
function latency(fn, n = REQUESTS) {
  for (let i = 0; i < 20; i++) fn();
  const samples = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** A realistic policy with one more statement whose Action is being typed: `before` + cursor + `after`. */
function documentWith(base, before, after) {
  const end = base.lastIndexOf(']');
  const head = `${base.slice(0, end).trimEnd()},\n    {\n      "Effect": "Allow",\n      ${before}`;
  return { text: `${head}${after}\n    }\n  ]\n}\n`, offset: head.length };
}

export async function run(ctx = {}) {
  const service = ctx.service ?? require(join(ROOT, 'out', 'bench', 'service.js'));
  const catalog = ctx.catalog ?? service.loadCatalog(JSON.parse(readFileSync(join(ROOT, 'dist', 'iam-catalog.json'), 'utf8')));
  const { TextDocument } = ctx.TextDocument ? ctx : require('vscode-languageserver-textdocument');
  const ls = service.createIamLanguageService({ catalog });
  const base = ctx.generatePolicy
    ? ctx.generatePolicy(4000, 3)
    : JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] }, null, 2);

  const rows = [];
  const completion = (name, before, after, expectAtLeast) => {
    const { text, offset } = documentWith(base, before, after);
    const doc = TextDocument.create('file:///bench/policy.json', 'json', 1, text);
    const parsed = ls.parse(doc);
    const pos = doc.positionAt(offset);
    const count = ls.complete(doc, parsed, pos).items.length;
    if (count < expectAtLeast) throw new Error(`${name}: ${count} items, expected at least ${expectAtLeast}`);
    const { p50, p95 } = latency(() => ls.complete(doc, parsed, pos));
    const withParse = latency(() => ls.complete(doc, ls.parse(doc), pos), 200);
    rows.push(
      { name: `${name} (${count} items) p50`, value: p50, unit: 'ms' },
      { name: `${name} p95`, value: p95, unit: 'ms', target: '<= 5' },
      // what a keystroke costs when the parse cache misses (new document version); the parse is not ours
      { name: `${name} incl. parse of ${text.length} chars, p50`, value: withParse.p50, unit: 'ms' },
      { name: `${name} incl. parse of ${text.length} chars, p95`, value: withParse.p95, unit: 'ms' },
    );
  };
  completion('complete "s3: (unclosed)', '"Action": "s3:', '', catalog.getService('s3').actions.length);
  completion('complete " in Action (all services)', '"Action": "', '"', catalog.servicePrefixes.length);

  const hover = (name, before, after) => {
    const { text, offset } = documentWith(base, before, after);
    const doc = TextDocument.create('file:///bench/policy.json', 'json', 1, text);
    const parsed = ls.parse(doc);
    const pos = doc.positionAt(offset);
    if (!ls.hover(doc, parsed, pos)) throw new Error(`${name}: no hover`);
    const { p50, p95 } = latency(() => ls.hover(doc, parsed, pos));
    rows.push({ name: `${name} p50`, value: p50, unit: 'ms' }, { name: `${name} p95`, value: p95, unit: 'ms', target: '<= 1' });
  };
  hover('hover action s3:GetObject', '"Action": "s3:Get', 'Object",\n      "Resource": "*"');
  hover('hover wildcard s3:Get*', '"Action": "s3:Ge', 't*",\n      "Resource": "*"');
  hover('hover condition key', '"Action": "s3:ListBucket",\n      "Resource": "*",\n      "Condition": {"StringLike": {"s3:pre', 'fix": "home/"}}');
  return rows;
}
