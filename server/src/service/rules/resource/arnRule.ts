// Builds an ARN-shape rule from its metadata: the rule reports, on each Resource/NotResource string, the
// problems arnAnalysis.ts found under its own code. Keeps the per-code rule files to metadata and docs.

import type { PolicyContext, Rule, RuleMeta } from '../rule';
import { analyseArn, resourceItems } from './arnAnalysis';

/** CloudFormation `!Sub` text such as "arn:${AWS::Partition}:s3:::${Bucket}" is resolved at deploy time. */
export function isTemplateSubstitution(value: string): boolean {
  return value.includes('${AWS::');
}

export function arnShapeRule(meta: RuleMeta): Rule {
  return {
    ...meta,
    checkPolicy(ctx: PolicyContext) {
      for (const { item, templated } of resourceItems(ctx.policy)) {
        if (isTemplateSubstitution(item.value)) continue;
        // a deploy-time value ("${Bucket.Arn}/*" read as "*/*") is checked only when its "arn:" start is literal,
        // and never for missing fields (a Fn::Join may assemble them from parts we cannot see)
        if (templated && !item.value.startsWith('arn:')) continue;
        for (const p of analyseArn(ctx.catalog, item.value)) {
          if (p.code !== meta.code) continue;
          if (templated && p.code === 'MISSING_ARN_FIELD') continue;
          ctx.report(item, p.message, { ...(p.data ? { data: p.data } : {}), ...(p.severity ? { severity: p.severity } : {}) });
        }
      }
    },
  };
}
