/** PUBLIC_RESOURCE_POLICY: a resource policy allows "*" (or {"AWS": "*"}) without any condition: the resource is public (S16). */

import type { Rule } from '../rule';
import type { Located, Statement, StringListElement } from '../../parser/policyModel';
import { globMatch } from '../../knowledge/glob';
import { parseOperator } from '../../knowledge/operators';
import { conditionUses, isAllow, isDeny } from './statementFacts';
import { expandPattern } from '../../knowledge/statementActions';
import { unconditionalDenies, type UnconditionalDenies } from '../../evaluation/reachability';
import type { IamCatalog } from '../../knowledge/catalog';

/** The "*" principal values of a statement: `"Principal": "*"` or `{"AWS": "*"}`. */
export function anyPrincipalValues(s: Statement): Located<string>[] {
  const p = s.principal;
  if (!p || p.negated) return [];
  if (p.wildcard?.value === '*') return [p.wildcard];
  return p.entries.filter((e) => e.type.value === 'AWS').flatMap((e) => e.values.filter((v) => v.value === '*'));
}

/**
 * Keys that describe the request, not the caller: a statement limited only by these is still open to anyone
 * (aws:Referer and aws:UserAgent are set by the caller and can be forged).
 */
const NOT_ABOUT_WHO = new Set(['aws:securetransport', 'aws:currenttime', 'aws:epochtime', 'aws:requestedregion', 'aws:useragent', 'aws:referer']);

function limitsWho(s: Statement): boolean {
  return conditionUses(s).some((u) => !NOT_ABOUT_WHO.has(u.entry.key.value.toLowerCase()));
}

/** Every item of `inner` (not negated) is matched by some item of `outer` (not negated). */
function covers(outer: StringListElement | undefined, inner: StringListElement | undefined): boolean {
  if (!outer || !inner || outer.negated || inner.negated || inner.items.length === 0) return false;
  return inner.items.every((i) => outer.items.some((o) => globMatch(o.value, i.value)));
}

/**
 * A Deny to "*" whose every condition says "unless the caller is …" (a negated operator, or Null "true", on a
 * key about who calls: aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID…) and that covers all the Allow's
 * actions and resources: only those callers get through (API Gateway's documented "Allow * + Deny unless
 * source IP / VPC endpoint" resource policies). A Deny with another condition ANDed in leaves a gap, so no.
 */
function fencedByDeny(allow: Statement, statements: readonly Statement[]): boolean {
  return statements.some((d) => {
    if (!isDeny(d) || anyPrincipalValues(d).length === 0) return false;
    const uses = conditionUses(d);
    const fences = uses.length > 0 && uses.every((u) => {
      if (NOT_ABOUT_WHO.has(u.entry.key.value.toLowerCase())) return false;
      const op = parseOperator(u.operator.operator.value);
      if (!op || op.qualifier) return false;
      if (op.operator.name === 'Null') return u.entry.values.length > 0 && u.entry.values.every((v) => String(v.value).toLowerCase() === 'true');
      return op.operator.negated;
    });
    return fences && covers(d.action, allow.action) && covers(d.resource, allow.resource);
  });
}

/**
 * Every action the Allow names is blocked for everyone, on every resource, by an unconditional Deny of the same
 * policy (the engine decides the matching): the Allow never takes effect. Unknown actions and NotAction are
 * never taken as blocked.
 */
function deadByDeny(allow: Statement, denies: UnconditionalDenies | undefined, catalog: IamCatalog): boolean {
  if (!denies || !allow.action || allow.action.negated || allow.action.items.length === 0) return false;
  return allow.action.items.every((item) => {
    const actions = expandPattern(catalog, item.value);
    return actions.length > 0 && actions.every((a) => denies.blocking(a.fullName) !== undefined);
  });
}

export const publicResourcePolicy: Rule = {
  code: 'PUBLIC_RESOURCE_POLICY',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A resource policy allows any principal ("*") without conditions.',
  catalogue: ['S16'],
  docs: `\`"Principal": "*"\` without a Condition makes the resource public: anyone, signed in or anonymous, in any
account. Conditions that only describe the request (\`aws:SecureTransport\`, \`aws:RequestedRegion\`, times) or
that the caller sets itself (\`aws:Referer\`, \`aws:UserAgent\`) do not change that. If that is intended (a public website bucket), keep the actions to reads; otherwise name the
principals or add conditions such as \`aws:PrincipalOrgID\` or \`aws:SourceVpce\`.
An Allow to "*" fenced by a Deny to "*" for everyone but the expected callers (\`NotIpAddress\` on
\`aws:SourceIp\`, \`StringNotEquals\` on \`aws:SourceVpce\`, covering the same actions and resources) is not public,
nor is one whose actions an unconditional Deny to "*" on every resource blocks.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:orders" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:orders",
  "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (ctx.policy.policyType !== 'resource') return;
    const denies = unconditionalDenies(ctx.policy);
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || limitsWho(s) || fencedByDeny(s, ctx.policy.statements) || deadByDeny(s, denies, ctx.catalog)) continue;
      const conditioned = conditionUses(s).length > 0;
      for (const v of anyPrincipalValues(s)) {
        const why = conditioned ? 'with conditions that do not limit who may call' : 'without a condition';
        ctx.report(v, `Principal "*" ${why} makes the resource public to anyone: name the principals or add a condition such as aws:PrincipalOrgID.`, {
          data: { statementIndex: s.index, suggestedKeys: ['aws:PrincipalOrgID', 'aws:SourceVpce', 'aws:PrincipalAccount'] },
        });
      }
    }
  },
};
