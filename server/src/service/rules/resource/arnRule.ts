// Builds an ARN-shape rule from its metadata: the rule reports, on each Resource/NotResource string, the
// problems arnAnalysis.ts found under its own code. Keeps the per-code rule files to metadata and docs.

import type { PolicyContext, Rule, RuleMeta } from '../rule';
import type { Located } from '../../parser/policyModel';
import type { IamCatalog } from '../../knowledge/catalog';
import { derive, DerivedKey } from '../../parser/derived';
import { analyseArn, resourceItems, type ArnProblem } from './arnAnalysis';

/** CloudFormation `!Sub` text such as "arn:${AWS::Partition}:s3:::${Bucket}" is resolved at deploy time. */
export function isTemplateSubstitution(value: string): boolean {
  return value.includes('${AWS::');
}

export function arnShapeRule(meta: RuleMeta): Rule {
  return {
    ...meta,
    checkPolicy(ctx: PolicyContext) {
      const found = problemsByCode(ctx).get(meta.code);
      if (!found) return;
      for (const { item, problem: p } of found) {
        ctx.report(item, p.message, { ...(p.data ? { data: p.data } : {}), ...(p.severity ? { severity: p.severity } : {}) });
      }
    },
  };
}

interface FoundProblem {
  readonly item: Located<string>;
  readonly problem: ArnProblem;
}

const PROBLEMS_BY_CODE = new DerivedKey<{ catalog: IamCatalog; byCode: ReadonlyMap<string, readonly FoundProblem[]> }>('arnProblemsByCode');

/** Every ARN problem of the policy, by code, in document order: analysed once for the dozen ARN-shape rules. */
function problemsByCode(ctx: PolicyContext): ReadonlyMap<string, readonly FoundProblem[]> {
  const hit = derive(ctx.policy, PROBLEMS_BY_CODE, () => ({ catalog: ctx.catalog, byCode: collectProblems(ctx) }));
  return hit.catalog === ctx.catalog ? hit.byCode : collectProblems(ctx);
}

function collectProblems(ctx: PolicyContext): Map<string, FoundProblem[]> {
  const byCode = new Map<string, FoundProblem[]>();
  for (const { item, templated } of resourceItems(ctx.policy)) {
    if (isTemplateSubstitution(item.value)) continue;
    // a deploy-time value ("${Bucket.Arn}/*" read as "*/*") is checked only when its "arn:" start is literal,
    // and never for missing fields (a Fn::Join may assemble them from parts we cannot see)
    if (templated && !item.value.startsWith('arn:')) continue;
    for (const problem of analyseArn(ctx.catalog, item.value)) {
      if (templated && problem.code === 'MISSING_ARN_FIELD') continue;
      let list = byCode.get(problem.code);
      if (!list) byCode.set(problem.code, (list = []));
      list.push({ item, problem });
    }
  }
  return byCode;
}
