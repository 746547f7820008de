/**
 * UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL: a statement whose only principals are service principals
 * tests a key those requests never carry (aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalTag/*). In an
 * Allow with a positive operator the grant can never apply (error); other uses always or never match (warning) (S20).
 * Not for keys the service sets itself (IAM Roles Anywhere's aws:PrincipalTag/x509Subject/…).
 */

import type { Rule } from '../rule';
import { isKeyAbsentForServicePrincipals, isKeySetByServicePrincipal } from '../../knowledge/principals';
import type { Statement } from '../../parser/policyModel';
import { conditionUses, isAllow } from './statementFacts';

function onlyServicePrincipals(s: Statement): boolean {
  const p = s.principal;
  if (!p || p.negated || p.wildcard || p.entries.length === 0) return false;
  return p.entries.every((e) => e.type.value === 'Service' && e.values.length > 0);
}

export const unsupportedConditionKeyForServicePrincipal: Rule = {
  code: 'UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL',
  defaultSeverity: 'error',
  category: 'security',
  summary: 'A condition key that service principals never send is used with a service principal.',
  catalogue: ['S20'],
  accessAnalyzer: ['UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL'],
  docs: `Requests made by an AWS service principal do not carry the caller's organization or principal tags, so
\`aws:PrincipalOrgID\`, \`aws:PrincipalOrgPaths\` and \`aws:PrincipalTag/…\` are absent. An Allow for a service
principal that requires one of them never applies. Use \`aws:SourceOrgID\`, \`aws:SourceAccount\` or
\`aws:SourceArn\`, which describe the resource the service acts for.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q",
  "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q",
  "Condition": { "StringEquals": { "aws:SourceOrgID": "o-a1b2c3d4e5" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const s of ctx.policy.statements) {
      if (!onlyServicePrincipals(s)) continue;
      for (const u of conditionUses(s)) {
        const key = u.entry.key.value;
        if (!isKeyAbsentForServicePrincipals(key)) continue;
        // some services set the key themselves (Roles Anywhere: certificate attributes as principal tags)
        if (s.principal!.entries.some((e) => e.values.some((v) => isKeySetByServicePrincipal(v.value, key)))) continue;
        const op = u.operator.operator.value.replace(/^for(all|any)values:/i, '');
        if (/^null$/i.test(op)) continue;
        // an absent key makes positive operators false and negated ones (and …IfExists) true
        const neverMatches = isAllow(s) && !/not/i.test(op) && !/ifexists$/i.test(op) && !/^forallvalues:/i.test(u.operator.operator.value);
        const replacement = /orgpaths/i.test(key) ? 'aws:SourceOrgPaths' : /orgid/i.test(key) ? 'aws:SourceOrgID' : 'aws:SourceAccount or aws:SourceArn';
        ctx.report(
          u.entry.key,
          neverMatches
            ? `Condition key "${key}" is never present when a service principal calls, so this Allow never applies: use ${replacement} instead.`
            : `Condition key "${key}" is never present when a service principal calls, so this condition does not test anything: use ${replacement} instead.`,
          { data: { key, replacement }, ...(neverMatches ? {} : { severity: 'warning' as const }) },
        );
      }
    }
  },
};
