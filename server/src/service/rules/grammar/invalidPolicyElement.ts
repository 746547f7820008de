/** INVALID_POLICY_ELEMENT: an element name that IAM does not know at that level (names are case-sensitive). */

import type { Rule } from '../rule';
import { closestMatch } from '../../knowledge/suggest';
import { properties, propertyKey } from '../../parser/jsonTree';
import { grammarProblems } from './grammarProblems';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from './policySchema';

export const invalidPolicyElement: Rule = {
  code: 'INVALID_POLICY_ELEMENT',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'Unknown or mis-cased element name in the policy or a statement.',
  catalogue: ['G03'],
  accessAnalyzer: ['INVALID_POLICY_ELEMENT'],
  docs: `IAM knows only \`Version\`, \`Id\` and \`Statement\` at the top level, and \`Sid\`, \`Effect\`,
\`Principal\`, \`NotPrincipal\`, \`Action\`, \`NotAction\`, \`Resource\`, \`NotResource\` and \`Condition\`
in a statement. Names are case-sensitive: \`"action"\` is not \`"Action"\`, and IAM rejects the policy.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of grammarProblems(ctx.policy)) {
      if (p.kind !== 'unknown-element') continue;
      const span = { offset: p.keyNode.offset, length: p.keyNode.length };
      const ownLevel: readonly string[] = p.level === 'policy' ? TOP_LEVEL_ELEMENTS : STATEMENT_ELEMENTS;
      const otherLevel: readonly string[] = p.level === 'policy' ? STATEMENT_ELEMENTS : TOP_LEVEL_ELEMENTS;
      const where = p.level === 'policy' ? 'at the top level of a policy' : 'in a statement';
      if (otherLevel.includes(p.key)) {
        const belongs = p.level === 'policy' ? 'inside a statement' : 'at the top level of the policy';
        ctx.report(span, `"${p.key}" is not allowed ${where}: it belongs ${belongs}.`, { data: { element: p.key, level: p.level } });
        continue;
      }
      const suggestion = closestMatch(p.key, ownLevel);
      const siblings = properties(p.keyNode.parent?.parent).map(propertyKey);
      if (suggestion && siblings.includes(suggestion)) {
        // renaming would create a duplicate key: say so, and offer no rename
        ctx.report(span, `"${p.key}" is not a valid policy element, and this object already has "${suggestion}": remove "${p.key}" or merge it into "${suggestion}".`, {
          data: { element: p.key, level: p.level },
        });
      } else if (suggestion) {
        ctx.report(span, `"${p.key}" is not a valid policy element (names are case-sensitive). Did you mean "${suggestion}"?`, {
          data: { element: p.key, level: p.level, suggestion },
        });
      } else {
        ctx.report(span, `"${p.key}" is not a valid policy element ${where}: use one of ${ownLevel.map((e) => `"${e}"`).join(', ')}.`, {
          data: { element: p.key, level: p.level },
        });
      }
    }
  },
};
