// The permission diff (`iam-policy-check diff`) of two 10 KB identity policies: the old one generated, the new one
// a realistic review change (actions added to three statements, one resource widened to "*", one condition
// dropped, one Deny removed) and a refactor of the old one (statements reversed, actions reordered). Each run
// includes parsing, the search and the engine's confirmation of every witness. Baseline, same run: JSON.parse of
// both texts. Target from the issue: <= 50 ms.

export async function run(ctx) {
  const { diff } = ctx.service;
  const oldText = ctx.generatePolicy(10_000, 7);
  const policy = JSON.parse(oldText);
  const changed = structuredClone(policy);
  const allows = changed.Statement.filter((s) => s.Effect === 'Allow');
  for (const [i, a] of [[0, 's3:PutBucketPolicy'], [1, 'iam:PassRole'], [2, 'kms:Decrypt']]) allows[i].Action.push(a);
  allows[3].Resource = '*';
  const withCondition = allows.find((s) => s.Condition);
  if (withCondition) delete withCondition.Condition;
  const deny = changed.Statement.findIndex((s) => s.Effect === 'Deny');
  if (deny >= 0) changed.Statement.splice(deny, 1);
  const newText = JSON.stringify(changed, null, 2);
  const refactored = structuredClone(policy);
  refactored.Statement.reverse();
  for (const s of refactored.Statement) s.Action.reverse();
  const refactoredText = JSON.stringify(refactored, null, 2);

  const evaluate = diff.engineEvaluator(ctx.catalog);
  const run = (a, b) => diff.buildReport([diff.diffFile(ctx.catalog, { path: 'policy.json', oldText: a, newText: b }, { evaluate })]);
  const report = run(oldText, newText);
  if (!report.effectiveChange) throw new Error('the bench change must be an effective change');
  if (run(oldText, refactoredText).effectiveChange) throw new Error('the bench refactor must give no effective change');
  const baseline = ctx.measure(() => {
    JSON.parse(oldText);
    JSON.parse(newText);
  }, { iterations: 200, warmup: 20 });
  const changeMs = ctx.measure(() => run(oldText, newText), { iterations: 30, warmup: 5 });
  const refactorMs = ctx.measure(() => run(oldText, refactoredText), { iterations: 30, warmup: 5 });
  // CPU time of this process per diff: on a machine shared with other work, wall time also counts waiting for a core
  const cpu = (fn, n) => {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / n;
  };
  const changeCpu = cpu(() => run(oldText, newText), 30);
  const baselineCpu = cpu(() => {
    JSON.parse(oldText);
    JSON.parse(newText);
  }, 500);
  return [
    { name: `diff 2 x ${Math.round(oldText.length / 1000)} KB policies, review change (${report.gained.length} gained, ${report.lost.length} lost)`, value: changeMs, unit: 'ms', target: '<= 50' },
    { name: '  same, as a ratio to JSON.parse of both', value: changeMs / baseline, unit: 'x', target: 'baseline JSON.parse of both texts' },
    { name: '  same, CPU time per diff', value: changeCpu, unit: 'ms', target: '<= 50' },
    { name: '  same, CPU time as a ratio to JSON.parse of both', value: changeCpu / baselineCpu, unit: 'x', target: '' },
    { name: 'diff 2 x 10 KB policies, refactor only (no effective change)', value: refactorMs, unit: 'ms', target: '<= 50' },
    { name: '  same, as a ratio to JSON.parse of both', value: refactorMs / baseline, unit: 'x', target: '' },
  ];
}
