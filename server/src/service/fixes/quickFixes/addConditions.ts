// Adds condition blocks (MFA, source IP, VPC endpoint; for trust policies ExternalId, SourceAccount/
// SourceArn, GitHub OIDC sub/aud) to an Allow statement, merging into an existing Condition. Offered as
// quick fixes on the findings that ask for them and as refactorings on any Allow statement. Never offered
// on Deny statements: a condition on a Deny narrows the Deny, which widens access.

import type { Statement } from '../../parser/policyModel';
import { properties, propertyKey, propertyValue } from '../../parser/jsonTree';
import type { JsonNode } from '../../parser/jsonTree';
import { externalId, githubOidc, oidcClaims, placeholder, REQUIRE_MFA, sourceAccount, sourceArn, SOURCE_IP, SOURCE_VPCE, type ConditionTemplate } from '../conditionTemplates';
import { locate, type FixContext, type FixProposal, type OffsetEdit, type ProposalKind, type QuickFixProvider, type RefactoringProvider } from '../fixTypes';
import { appendProperty } from '../jsonEdits';

/** Edits adding every entry of `template` to the statement; undefined when a key is already there or Condition is malformed. */
export function addConditionEdits(ctx: FixContext, statement: Statement, template: ConditionTemplate): OffsetEdit[] | undefined {
  let tabStop = 1;
  const valueOf = (e: ConditionTemplate['entries'][number]): string | string[] => {
    if (!e.placeholder || !ctx.snippetEdits) return e.value;
    const p = placeholder(ctx, tabStop++, e.placeholder);
    return Array.isArray(e.value) ? [p] : p;
  };
  // keys the statement already conditions on (under any operator) are left as the user wrote them
  const present = new Set((statement.condition?.operators ?? []).flatMap((o) => o.entries.map((e) => e.key.value.toLowerCase())));
  const byOperator = new Map<string, Record<string, string | string[]>>();
  for (const e of template.entries) {
    if (present.has(e.key.toLowerCase())) continue;
    byOperator.set(e.operator, { ...(byOperator.get(e.operator) ?? {}), [e.key]: valueOf(e) });
  }
  if (byOperator.size === 0) return undefined;

  const condProp = statement.get('Condition');
  if (!condProp) return [appendProperty(ctx.text, statement.node, 'Condition', Object.fromEntries(byOperator))];
  const condObj = condProp.value;
  if (!condObj || condObj.type !== 'object') return undefined;
  const edits: OffsetEdit[] = [];
  const newOperators: Record<string, Record<string, string | string[]>> = {};
  for (const [operator, keys] of byOperator) {
    const opProp = properties(condObj).find((p) => propertyKey(p) === operator);
    const opObj: JsonNode | undefined = opProp ? propertyValue(opProp) : undefined;
    if (!opProp) {
      newOperators[operator] = keys;
      continue;
    }
    if (!opObj || opObj.type !== 'object') return undefined;
    const existing = new Set(properties(opObj).map((p) => propertyKey(p).toLowerCase()));
    if (Object.keys(keys).some((k) => existing.has(k.toLowerCase()))) return undefined;
    // several keys into one block: one combined insertion, so edits never overlap
    const parts = Object.entries(keys).map(([k, v]) => appendProperty(ctx.text, opObj, k, v));
    edits.push({ offset: parts[0]!.offset, length: 0, newText: parts.map((p) => p.newText).join('') });
  }
  const ops = Object.entries(newOperators);
  if (ops.length) {
    const parts = ops.map(([op, keys]) => appendProperty(ctx.text, condObj, op, keys));
    if (properties(condObj).length === 0 && parts.length > 1) return undefined;
    edits.push({ offset: parts[0]!.offset, length: parts[0]!.length, newText: parts.map((p) => p.newText).join('') });
  }
  return edits;
}

function proposal(ctx: FixContext, statement: Statement, template: ConditionTemplate, kind: ProposalKind): FixProposal | undefined {
  if (statement.effect?.value !== 'Allow') return undefined;
  const edits = addConditionEdits(ctx, statement, template);
  if (!edits?.length) return undefined;
  return { title: `Add condition: ${template.title}`, kind, edits, snippet: ctx.snippetEdits && template.entries.some((e) => e.placeholder) };
}

/** The condition templates that make sense for a statement, most relevant first. */
export function templatesFor(ctx: FixContext, statement: Statement): ConditionTemplate[] {
  const principal = statement.principal;
  if (principal && !principal.negated) {
    const out: ConditionTemplate[] = [];
    for (const entry of principal.entries) {
      const type = entry.type.value;
      if (type === 'AWS' && entry.values.some((v) => v.value !== '*')) out.push(externalId());
      if (type === 'Service' && entry.values.length) out.push(sourceAccount(ctx), sourceArn(ctx, entry.values[0]!.value));
      for (const v of type === 'Federated' ? entry.values : []) {
        if (v.value.includes('token.actions.githubusercontent.com')) out.push(githubOidc(v.value));
        else if (v.value.includes(':oidc-provider/')) out.push(oidcClaims(v.value));
      }
    }
    return out;
  }
  return [REQUIRE_MFA, SOURCE_IP, SOURCE_VPCE];
}

/** Which conditions answer which finding; `flagged` is the string the finding is on (a principal value). */
const TEMPLATES_BY_CODE: Record<string, (ctx: FixContext, flagged: string) => ConditionTemplate[]> = {
  SENSITIVE_ACTION_WITHOUT_CONDITION: () => [REQUIRE_MFA, SOURCE_IP, SOURCE_VPCE],
  CROSS_ACCOUNT_TRUST_WITHOUT_EXTERNAL_ID: () => [externalId()],
  RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL: (ctx, flagged) => [sourceAccount(ctx), sourceArn(ctx, flagged)],
  MISSING_GITHUB_REPO_CONDITION_KEY: (_ctx, flagged) => [githubOidc(flagged)],
  MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: (_ctx, flagged) => [oidcClaims(flagged)],
};

/** Quick fixes on the findings that ask for a condition; the finding's statement receives it. */
export const addConditionFixes: QuickFixProvider = {
  codes: Object.keys(TEMPLATES_BY_CODE),
  provide(ctx, diagnostic, at) {
    const statement = locate(ctx.parsed, at.offset)?.statement;
    const templates = TEMPLATES_BY_CODE[String(diagnostic.code)];
    if (!statement || !templates) return [];
    let flagged = '';
    try {
      const v: unknown = JSON.parse(ctx.text.slice(at.offset, at.offset + at.length));
      if (typeof v === 'string') flagged = v;
    } catch {
      // the finding is not on a string: templates that need it produce nothing useful, others still apply
    }
    return templates(ctx, flagged)
      .map((t) => proposal(ctx, statement, t, 'quickfix'))
      .filter((p): p is FixProposal => p !== undefined);
  },
};

/** The same conditions, offered on any Allow statement with the cursor on one of its keys. */
export const addConditionRefactorings: RefactoringProvider = {
  id: 'addCondition',
  provide(ctx, _range, { start }) {
    const statement = locate(ctx.parsed, start)?.statement;
    if (!statement) return [];
    const onKey = statement.elements.some((e) => start >= e.keySpan.offset && start <= e.keySpan.offset + e.keySpan.length);
    if (!onKey) return [];
    return templatesFor(ctx, statement)
      .map((t) => proposal(ctx, statement, t, 'refactor.rewrite'))
      .filter((p): p is FixProposal => p !== undefined);
  },
};
