import { readFileSync } from 'node:fs';
import { testCatalog } from '../../support/catalog';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { diffPolicies } from '../../../server/src/service/diff/diffPolicies';
import { localEvaluator } from '../../../server/src/service/diff/localEvaluator';
import { engineEvaluator } from '../../../server/src/service/diff/engineEvaluator';
const c = testCatalog();
const name = process.argv[2]!;
const p = JSON.parse(readFileSync('/work/shared/corpus/aws-managed/' + name, 'utf8'));
const st = Array.isArray(p.Statement) ? p.Statement : [p.Statement];
const idx = st.findIndex((s: any) => s.Effect === 'Allow' && s.Condition && s.Condition && true);
const q = JSON.parse(JSON.stringify(p)); const qs = Array.isArray(q.Statement) ? q.Statement : [q.Statement];
delete qs[Number(process.argv[3] ?? idx)].Condition;
console.log(JSON.stringify(st[Number(process.argv[3] ?? idx)]));
const a = parseDocument(JSON.stringify(p), { forcePolicy: true }).policies[0];
const b = parseDocument(JSON.stringify(q), { forcePolicy: true }).policies[0];
const le = localEvaluator(c), ee = engineEvaluator(c);
let t = Date.now();
const r = diffPolicies(c, a, b, { evaluate: (d, ty, req) => { const x = le(d, ty, req), y = ee(d, ty, req); if (x !== y) console.log('DISAGREE', d === a ? 'old' : 'new', x, y, JSON.stringify(req)); return y; } });
console.log(Date.now() - t, 'ms', r.gained.length, r.unconfirmed);
t = Date.now(); diffPolicies(c, a, b, { evaluate: le }); console.log('local only', Date.now() - t);
{
  let n = 0; const t0 = Date.now();
  for (let i = 0; i < 5; i++) diffPolicies(c, a, b, { evaluate: (d, ty, req) => { n++; return ee(d, ty, req); } });
  console.log('engine x5', Date.now() - t0, 'ms', n, 'calls');
  const t1 = Date.now();
  for (let i = 0; i < 1000; i++) ee(b, 'identity', { action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:123456789012:key/x', context: {} });
  console.log('1000 evals', Date.now() - t1);
}
