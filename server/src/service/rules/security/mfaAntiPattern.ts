/**
 * MFA_ANTI_PATTERN: MFA conditions that do not do what they seem to (S23): Bool aws:MultiFactorAuthPresent
 * "false" (the key is absent for long-term keys, so it never matches them), Null … "false" (tests temporary
 * credentials, not MFA), and BoolIfExists … "true" in an Allow (also matches long-term keys without MFA).
 */

import type { Rule } from '../rule';
import { conditionUses, isAllow } from './statementFacts';

const MFA_KEY = 'aws:multifactorauthpresent';

function isFalse(v: unknown): boolean {
  return v === false || (typeof v === 'string' && v.toLowerCase() === 'false');
}
function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

export const mfaAntiPattern: Rule = {
  code: 'MFA_ANTI_PATTERN',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'An aws:MultiFactorAuthPresent condition does not enforce MFA the way it appears to.',
  catalogue: ['S23'],
  docs: `\`aws:MultiFactorAuthPresent\` is absent, not \`false\`, for requests signed with long-term access keys.
So \`"Bool": {"aws:MultiFactorAuthPresent": "false"}\` never matches them (a Deny with it lets them through),
\`"Null": {…: "false"}\` only tests that temporary credentials were used, and \`BoolIfExists … "true"\` in an Allow
also allows long-term keys without MFA. To require MFA, Deny with \`BoolIfExists … "false"\`, or Allow with
\`Bool … "true"\`.

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "false" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "BoolIfExists": { "aws:MultiFactorAuthPresent": "false" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const s of ctx.policy.statements) {
      for (const u of conditionUses(s)) {
        if (u.entry.key.value.toLowerCase() !== MFA_KEY) continue;
        const op = u.operator.operator.value.replace(/^for(all|any)values:/i, '').toLowerCase();
        for (const v of u.entry.values) {
          if (op === 'bool' && isFalse(v.value)) {
            ctx.report(v, `"Bool" with aws:MultiFactorAuthPresent "false" never matches long-term access keys, where the key is absent: use "BoolIfExists" with "false" in a Deny.`, {
              data: { pattern: 'bool-false', operator: u.operator.operator.value, suggestedOperator: 'BoolIfExists' },
            });
          } else if (op === 'null' && isFalse(v.value)) {
            ctx.report(v, `"Null" with aws:MultiFactorAuthPresent "false" only checks that temporary credentials were used, not that MFA was: use "Bool" with "true".`, {
              data: { pattern: 'null-false', operator: u.operator.operator.value, suggestedOperator: 'Bool' },
            });
          } else if (op === 'boolifexists' && isTrue(v.value) && isAllow(s)) {
            ctx.report(v, `"BoolIfExists" with aws:MultiFactorAuthPresent "true" in an Allow also matches long-term access keys used without MFA: use "Bool".`, {
              data: { pattern: 'allow-boolifexists-true', operator: u.operator.operator.value, suggestedOperator: 'Bool' },
            });
          }
        }
      }
    }
  },
};
