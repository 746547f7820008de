// Scope `Resource: "*"` of an Allow statement to the ARN templates of the resource types its actions
// accept. Actions that only support "*" move to their own statement with Resource "*". Resource-part
// placeholders become snippet tab stops when the client supports them, `<Name>` text otherwise (it matches no
// real resource, so an unedited fix denies rather than grants); the other segments are always valid (fillTemplate).
// Always a narrowing: every new ARN is inside "*".

import type { ActionInfo } from '../../knowledge/catalog';
import { derivePatternFact, elementPatternFacts, type PatternFacts } from '../../knowledge/patternFacts';
import { DerivedKey } from '../../parser/derived';
import type { Statement } from '../../parser/policyModel';
import { locate, type FixContext, type FixProposal, type ProposalKind, type QuickFixProvider, type RefactoringProvider } from '../fixTypes';
import { replaceNode, replaceStringList } from '../jsonEdits';
import { replaceStatementWith, sidWithSuffix, statementTextWith } from '../statementEdits';
import { placeholder } from '../conditionTemplates';

/** More templates than this is a list nobody reviews: the fix is not offered. */
const MAX_TEMPLATES = 12;

function templatesOf(actions: readonly ActionInfo[]): string[] {
  const out = new Set<string>();
  for (const a of actions) {
    const required = a.resources.filter((r) => r.required);
    for (const r of required.length ? required : a.resources) {
      const rt = a.service.resourceTypes.get(r.name.toLowerCase());
      if (rt) out.add(rt.arn);
    }
  }
  return [...out];
}

/**
 * What one Action pattern brings to the fix: nothing known (repair it first), only actions with resource types
 * (and their templates, in order of first use), only actions that support "*" alone, or a mix (no fix). Kept
 * on the pattern's facts: the CLI report asks once per RESOURCE_STAR finding, for every item of its statement.
 */
type ScopeFacts = { readonly kind: 'scoped'; readonly templates: readonly string[] } | { readonly kind: 'unknown' | 'starOnly' | 'mixed' };
const UNKNOWN: ScopeFacts = { kind: 'unknown' };
const STAR_ONLY: ScopeFacts = { kind: 'starOnly' };
const MIXED: ScopeFacts = { kind: 'mixed' };
const SCOPE_FACTS = new DerivedKey<ScopeFacts>('scopeResourceFacts');

function scopeFactsOf(facts: PatternFacts): ScopeFacts {
  const actions = facts.actions;
  if (actions.length === 0) return UNKNOWN;
  let withTypes = 0;
  for (const a of actions) if (a.resources.length > 0) withTypes++;
  if (withTypes === 0) return STAR_ONLY;
  if (withTypes < actions.length) return MIXED;
  return { kind: 'scoped', templates: templatesOf(actions) };
}

/** The names an ARN template gives the caller's own account in its account segment. */
const OWN_ACCOUNT = new Set(['Account', 'AccountId']);

/**
 * Fills a template, segment by segment, so that the result is always a valid ARN pattern:
 * - partition `aws`; service and region segments `*` (e.g. AWS Backup's `arn:${Partition}:${Vendor}:…`);
 * - the account segment: the configured account (`accountIds`) where the template means the caller's own
 *   account (`${Account}`), `*` otherwise (`${ManagementAccountId}` is someone else's, and a `<Name>` there is
 *   not a 12-digit account: INVALID_ARN_ACCOUNT);
 * - the resource part: snippet tab stops when the client takes snippet edits, `<Name>` text otherwise (valid in
 *   a resource part, and it matches no real resource, so an unedited fix denies rather than grants).
 * Every filled segment is a literal or `*`, so the ARN never matches more than the `*` it replaces.
 */
export function fillTemplate(ctx: FixContext, template: string, nextStop: () => number): string {
  const account = ctx.settings.accountIds?.[0];
  const parts = template.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return fillResourcePart(ctx, template, nextStop);
  const segment = (text: string, fill: (name: string) => string): string => text.replace(/\$\{([^}]*)\}/g, (_m, name: string) => fill(name));
  const partition = segment(parts[1]!, (name) => (name === 'Partition' ? 'aws' : '*'));
  const service = segment(parts[2]!, () => '*');
  const region = segment(parts[3]!, () => '*');
  const accountSegment = segment(parts[4]!, (name) => (OWN_ACCOUNT.has(name) && account !== undefined ? account : '*'));
  // a segment that is partly a placeholder (`o-${Id}`) is widened to the whole segment: `*` alone is valid
  const whole = (filled: string, raw: string): string => (filled !== raw && filled.includes('*') ? '*' : filled);
  const resource = fillResourcePart(ctx, parts.slice(5).join(':'), nextStop);
  return ['arn', whole(partition, parts[1]!), whole(service, parts[2]!), whole(region, parts[3]!), whole(accountSegment, parts[4]!), resource].join(':');
}

function fillResourcePart(ctx: FixContext, text: string, nextStop: () => number): string {
  return text.replace(/\$\{([^}]*)\}/g, (_m, name: string) => (ctx.snippetEdits ? placeholder(ctx, nextStop(), name) : `<${name}>`));
}

export function scopeResourceProposal(ctx: FixContext, statement: Statement, kind: ProposalKind): FixProposal | undefined {
  const where = locate(ctx.parsed, statement.node.offset);
  const action = statement.action;
  const resource = statement.resource;
  if (!where || statement.effect?.value !== 'Allow' || !action?.value || action.negated || !resource?.value || resource.negated) return undefined;
  if (resource.items.length !== 1 || resource.items[0]!.value !== '*' || (resource.value.type === 'array' && resource.value.children?.length !== 1)) return undefined;
  if (action.value.type === 'array' && (action.value.children ?? []).some((c) => c.type !== 'string')) return undefined;
  const scoped: string[] = [];
  const starOnly: string[] = [];
  // the templates of the scoped items' actions in order of first use, as templatesOf over all of them gives
  const templateSet = new Set<string>();
  const facts = elementPatternFacts(ctx.catalog, action);
  for (let k = 0; k < action.items.length; k++) {
    const item = action.items[k]!;
    const f = derivePatternFact(facts[k]!, SCOPE_FACTS, scopeFactsOf);
    if (f.kind === 'unknown') return undefined; // an unknown name: repair it first
    if (f.kind === 'scoped') {
      scoped.push(item.value);
      for (const t of f.templates) templateSet.add(t);
    } else if (f.kind === 'starOnly') starOnly.push(item.value);
    else return undefined; // a wildcard mixing both kinds cannot be split without changing it
  }
  if (scoped.length === 0) return undefined;
  const templates = [...templateSet];
  if (templates.length === 0 || templates.length > MAX_TEMPLATES) return undefined;
  let stop = 1;
  const arns = [...new Set(templates.map((t) => fillTemplate(ctx, t, () => stop++)))];
  const resourceEdit = replaceStringList(ctx.text, resource.value, arns);
  const snippet = ctx.snippetEdits && stop > 1;
  const title = `Scope Resource "*" to ${arns.length} ARN${arns.length === 1 ? '' : 's'} of the statement's resource types`;
  if (starOnly.length === 0) return { title, kind, edits: [resourceEdit], snippet };
  const taken = new Set(where.policy.statements.map((s) => s.sid?.value).filter((s): s is string => s !== undefined));
  const scopedText = statementTextWith(ctx.text, statement, [replaceStringList(ctx.text, action.value, scoped), resourceEdit]);
  const starEdits = [replaceStringList(ctx.text, action.value, starOnly)];
  const sid = statement.sid ? sidWithSuffix(statement.sid.value, 'AllResources', taken) : undefined;
  if (sid && statement.sid) starEdits.push(replaceNode(statement.sid.node, JSON.stringify(sid)));
  const starText = statementTextWith(ctx.text, statement, starEdits);
  return {
    title: `${title}; move ${starOnly.length} action${starOnly.length === 1 ? '' : 's'} that only support "*" to their own statement`,
    kind,
    edits: [replaceStatementWith(ctx.text, where.policy, statement, [scopedText, starText])],
    snippet,
  };
}

export const scopeResourceFix: QuickFixProvider = {
  codes: ['RESOURCE_STAR'],
  provide(ctx, _diagnostic, at) {
    const statement = locate(ctx.parsed, at.offset)?.statement;
    const p = statement ? scopeResourceProposal(ctx, statement, 'quickfix') : undefined;
    return p ? [p] : [];
  },
};

export const scopeResourceRefactoring: RefactoringProvider = {
  id: 'scopeResource',
  provide(ctx, _range, { start }) {
    const statement = locate(ctx.parsed, start)?.statement;
    const item = statement?.resource?.items.find((i) => start >= i.span.offset && start <= i.span.offset + i.span.length);
    if (!statement || !item) return [];
    const p = scopeResourceProposal(ctx, statement, 'refactor.rewrite');
    return p ? [p] : [];
  },
};
