/**
 * LEGACY_SCP_SYNTAX (opt-in, settings.legacyScp): the SCP language limits that applied before September
 * 2025. SCPs now take the full IAM language, so this runs only when the user asks for the old rules.
 */

import type { PolicyContext, Reportable, Rule } from '../rule';

export const legacyScpSyntax: Rule = {
  code: 'LEGACY_SCP_SYNTAX',
  defaultSeverity: 'info',
  category: 'policy-type',
  summary: 'Opt-in: SCP syntax that the pre-2025 SCP language did not accept.',
  catalogue: ['T09'],
  accessAnalyzer: [
    'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
    'SCP_SYNTAX_ERROR_ALLOW_CONDITION',
    'SCP_SYNTAX_ERROR_ALLOW_NOTACTION',
    'SCP_SYNTAX_ERROR_ALLOW_RESOURCE',
    'SCP_SYNTAX_ERROR_NOTRESOURCE',
  ],
  docs: `Off unless \`legacyScp\` is set. Since September 2025 service control policies accept the full IAM
policy language. Before that, an SCP could use \`*\` only at the end of an action name, \`Allow\` statements
could have no \`Condition\`, no \`NotAction\` and only \`"Resource": "*"\`, and \`NotResource\` was not
supported. Turn the setting on if your tooling or organization still expects that subset.

Bad (legacy mode):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:*Object", "Resource": "arn:aws:s3:::my-bucket/*" } ] }
\`\`\`
Good (legacy mode):
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.settings.legacyScp !== true || ctx.policy.policyType !== 'scp') return;
    for (const s of ctx.policy.statements) {
      const allow = s.effect?.value === 'Allow';
      if (s.action) {
        for (const a of s.action.items) {
          const star = a.value.indexOf('*');
          if (star >= 0 && star !== a.value.length - 1) {
            report(ctx, a, `Legacy SCPs accept "*" only at the end of an action name, not in "${a.value}".`, 'SCP_SYNTAX_ERROR_ACTION_WILDCARD');
          }
        }
      }
      if (allow && s.condition) report(ctx, s.condition, 'Legacy SCPs do not accept "Condition" in an "Allow" statement.', 'SCP_SYNTAX_ERROR_ALLOW_CONDITION');
      if (allow && s.action?.negated) report(ctx, s.action, 'Legacy SCPs do not accept "NotAction" in an "Allow" statement.', 'SCP_SYNTAX_ERROR_ALLOW_NOTACTION');
      if (s.resource?.negated) report(ctx, s.resource, 'Legacy SCPs do not accept "NotResource".', 'SCP_SYNTAX_ERROR_NOTRESOURCE');
      else if (allow && s.resource) {
        for (const r of s.resource.items) {
          if (r.value !== '*') report(ctx, r, `Legacy SCPs accept only "Resource": "*" in an "Allow" statement, not "${r.value}".`, 'SCP_SYNTAX_ERROR_ALLOW_RESOURCE');
        }
      }
    }
  },
};

function report(ctx: PolicyContext, at: Reportable, message: string, accessAnalyzerCode: string): void {
  ctx.report(at, message, { data: { accessAnalyzerCode } });
}
