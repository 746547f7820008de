// Quick fixes on the diagnostics a wildcard action raises (SERVICE_WILDCARD, FULL_ADMIN, *_UNCONSTRAINED, …),
// for Allow + Action statements only (narrowing a Deny or a NotAction would widen access):
//   - "s3:*": narrow to its List + Read actions, or to everything but Permissions management (as the fewest
//     prefix wildcards matching exactly that set), and scope Resource "*" to the service's resource types;
//   - "*": replace with the services the statement's resource ARNs name (all of their actions, or List + Read),
//     and, for clients with snippet edits, a choice of the service to keep (services the policy already uses
//     first); without snippets, the services the policy's other statements use.
// Every proposal keeps a subset of what the statement granted, and is offered only for the diagnostics it removes
// (RESOLVED_BY); the service-wildcard resource scope answers RESOURCE_STAR. codeActions.ts merges identical proposals
// made for several diagnostics into one entry.

import { hasWildcard } from '../../knowledge/glob';
import { AccessLevel } from '../../knowledge/accessLevel';
import { expandPattern } from '../../knowledge/statementActions';
import type { ActionInfo } from '../../knowledge/catalog';
import { derivePatternFact, patternFacts } from '../../knowledge/patternFacts';
import { DerivedKey } from '../../parser/derived';
import type { Located, PolicyDocument, Statement } from '../../parser/policyModel';
import { collapseToWildcards, filterByLevels, NO_PERMISSIONS_MANAGEMENT_MASK, READ_ONLY_MASK } from '../actionSets';
import { locate, type FixContext, type FixProposal, type QuickFixProvider } from '../fixTypes';
import { replaceNode, replaceStringList } from '../jsonEdits';
import { fillTemplate } from './scopeResource';

/**
 * The codes raised on a wildcard Action item, and which narrowed sets resolve each: a fix is offered for a
 * diagnostic only when it removes it (data exfiltration, escalation and the like depend on which actions stay,
 * so narrowing is not offered for them; the entry shows up through the other codes on the same item).
 */
const RESOLVED_BY: Readonly<Record<string, (kept: readonly ActionInfo[] | 'noStar') => boolean>> = {
  SERVICE_WILDCARD: (kept) => kept !== 'noStar',
  WRITE_UNCONSTRAINED: (kept) => kept !== 'noStar' && kept.every((a) => (a.accessLevel & AccessLevel.Write) === 0),
  PERMISSIONS_MANAGEMENT_UNCONSTRAINED: (kept) => kept !== 'noStar' && kept.every((a) => (a.accessLevel & AccessLevel.PermissionsManagement) === 0),
  FULL_ADMIN: () => true,
  STAR_ACTION: () => true,
};
export const WILDCARD_CODES = Object.keys(RESOLVED_BY);

/** Resource types offered by the service-wildcard scope fix, the most used first. */
const MAX_RESOURCE_TYPES = 6;
/** Services offered as snippet choices for "*". */
const MAX_CHOICES = 20;
/** Well-known services after the ones the policy names, for the "*" choice. */
const COMMON_SERVICES = ['s3', 'dynamodb', 'lambda', 'logs', 'sqs', 'sns', 'kms', 'secretsmanager', 'ssm', 'ec2', 'cloudwatch', 'ecr'];

const allStrings = (st: Statement): boolean => {
  const v = st.action?.value;
  return v !== undefined && (v.type === 'string' || (v.type === 'array' && (v.children ?? []).every((c) => c.type === 'string')));
};

function listWith(st: Statement, item: Located<string>, replacement: readonly string[]): string[] {
  const out: string[] = [];
  for (const i of st.action!.items) {
    if (i === item) out.push(...replacement);
    else if (!replacement.includes(i.value)) out.push(i.value);
  }
  return [...new Set(out)];
}

function servicePrefixOf(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  const prefix = colon > 0 ? pattern.slice(0, colon) : '';
  return prefix && !hasWildcard(prefix) ? prefix.toLowerCase() : undefined;
}

/** Catalog services named by the statement's resource ARNs (arn:partition:SERVICE:…). */
function resourceServices(ctx: FixContext, st: Statement): string[] {
  if (!st.resource || st.resource.negated) return [];
  const out = new Set<string>();
  for (const r of st.resource.items) {
    const seg = r.value.split(':')[2];
    if (r.value.startsWith('arn:') && seg && !hasWildcard(seg) && ctx.catalog.getService(seg)) out.add(seg);
  }
  return [...out];
}

/** Services the policy's other statements name in their actions. */
function otherStatementServices(ctx: FixContext, policy: PolicyDocument, st: Statement): string[] {
  const out = new Set<string>();
  for (const s of policy.statements) {
    if (s === st || s.action?.negated) continue;
    for (const i of s.action?.items ?? []) {
      const p = servicePrefixOf(i.value);
      if (p && ctx.catalog.getService(p)) out.add(p);
    }
  }
  return [...out];
}

/**
 * `actions` as the fewest wildcards. `collapse` lets a caller take them from a pattern's facts: the same "s3:*"
 * narrowing recurs in policy after policy and on every code-action request, and collapsing a large service's
 * actions is the costliest step of these fixes.
 */
function narrowTo(ctx: FixContext, st: Statement, item: Located<string>, title: string, actions: readonly ActionInfo[], collapse = (): string[] => collapseToWildcards(ctx.catalog, actions)): FixProposal | undefined {
  if (actions.length === 0) return undefined;
  return { title, kind: 'quickfix', edits: [replaceStringList(ctx.text, st.action!.value!, listWith(st, item, collapse()))] };
}

/** a service wildcard's List+Read actions, and its actions without Permissions management, as the fewest wildcards */
const READ_ONLY_COVER = new DerivedKey<string[]>('readOnlyCover');
const NO_PERMISSIONS_MANAGEMENT_COVER = new DerivedKey<string[]>('noPermissionsManagementCover');

/** A count with "," between thousands, as toLocaleString('en-US') writes it, without ICU (every title of a corpus run asks). */
function withThousands(n: number): string {
  const digits = String(n);
  let out = digits.length > 3 ? digits.slice(0, ((digits.length - 1) % 3) + 1) : digits;
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

const levels = (n: number): string => `${withThousands(n)} action${n === 1 ? '' : 's'}`;

function serviceWildcardFixes(ctx: FixContext, st: Statement, item: Located<string>, resolves: (kept: readonly ActionInfo[]) => boolean): FixProposal[] {
  const facts = patternFacts(ctx.catalog, item.value);
  const expanded = facts.actions;
  if (expanded.length === 0) return [];
  const cover = (key: DerivedKey<string[]>, actions: readonly ActionInfo[]) => (): string[] => derivePatternFact(facts, key, () => collapseToWildcards(ctx.catalog, actions));
  const out: (FixProposal | undefined)[] = [];
  const readOnly = filterByLevels(expanded, READ_ONLY_MASK);
  const noPm = filterByLevels(expanded, NO_PERMISSIONS_MANAGEMENT_MASK);
  if (readOnly.length < expanded.length && resolves(readOnly)) out.push(narrowTo(ctx, st, item, `Narrow "${item.value}" to its List and Read actions (${levels(readOnly.length)})`, readOnly, cover(READ_ONLY_COVER, readOnly)));
  if (noPm.length < expanded.length && noPm.length > readOnly.length && resolves(noPm)) {
    out.push(narrowTo(ctx, st, item, `Narrow "${item.value}" to List, Read, Write and Tagging, without Permissions management (${levels(noPm.length)})`, noPm, cover(NO_PERMISSIONS_MANAGEMENT_COVER, noPm)));
  }
  return out.filter((p): p is FixProposal => p !== undefined);
}

/** Resource "*" -> the ARN templates of the resource types the wildcard's actions use most (placeholders as tab stops). */
function scopeServiceWildcard(ctx: FixContext, st: Statement, item: Located<string>, expanded: readonly ActionInfo[]): FixProposal | undefined {
  const resource = st.resource;
  if (!resource?.value || resource.negated || resource.items.length !== 1 || resource.items[0]!.value !== '*') return undefined;
  if (resource.value.type === 'array' && resource.value.children?.length !== 1) return undefined;
  if (st.action!.items.length !== 1 || servicePrefixOf(item.value) === undefined) return undefined;
  const uses = new Map<string, { arn: string; n: number }>();
  for (const a of expanded) {
    for (const r of a.resources) {
      const rt = a.service.resourceTypes.get(r.name.toLowerCase());
      if (!rt) continue;
      const u = uses.get(rt.arn);
      if (u) u.n++;
      else uses.set(rt.arn, { arn: rt.arn, n: 1 });
    }
  }
  const chosen = [...uses.values()].sort((a, b) => b.n - a.n || (a.arn < b.arn ? -1 : 1)).slice(0, MAX_RESOURCE_TYPES);
  if (chosen.length === 0) return undefined;
  const chosenArns = new Set(chosen.map((c) => c.arn));
  const kept = expanded.filter((a) => a.resources.some((r) => chosenArns.has(a.service.resourceTypes.get(r.name.toLowerCase())?.arn ?? ''))).length;
  let stop = 1;
  const arns = [...new Set(chosen.map((c) => fillTemplate(ctx, c.arn, () => stop++)))];
  const title = `Scope Resource "*" of "${item.value}" to ${arns.length} ARN${arns.length === 1 ? '' : 's'} of its most used resource types (${kept} of ${expanded.length} actions apply to them)`;
  return { title, kind: 'quickfix', edits: [replaceStringList(ctx.text, resource.value, arns)], snippet: ctx.snippetEdits && stop > 1 };
}

function starFixes(ctx: FixContext, policy: PolicyDocument, st: Statement, item: Located<string>): FixProposal[] {
  const out: (FixProposal | undefined)[] = [];
  const fromResources = resourceServices(ctx, st);
  if (fromResources.length > 0) {
    const names = fromResources.map((s) => `${s}:*`);
    out.push({ title: `Replace "*" with ${names.map((n) => `"${n}"`).join(', ')}, the service${names.length === 1 ? '' : 's'} of this statement's resources`, kind: 'quickfix', edits: [replaceStringList(ctx.text, st.action!.value!, listWith(st, item, names))] });
    const readOnly = filterByLevels(fromResources.flatMap((s) => expandPattern(ctx.catalog, `${s}:*`)), READ_ONLY_MASK);
    out.push(narrowTo(ctx, st, item, `Replace "*" with the List and Read actions of ${fromResources.join(', ')} (${levels(readOnly.length)})`, readOnly));
  }
  const others = otherStatementServices(ctx, policy, st);
  if (ctx.snippetEdits) {
    const choices = [...new Set([...fromResources, ...others, ...COMMON_SERVICES])].filter((s) => ctx.catalog.getService(s)).slice(0, MAX_CHOICES);
    if (choices.length > 0) out.push({ title: 'Replace "*" with all actions of one service (choose it)', kind: 'quickfix', edits: [replaceNode(item.node, `"\${1|${choices.join(',')}|}:*"`)], snippet: true });
  } else if (others.length > 0 && others.some((s) => !fromResources.includes(s))) {
    const names = others.map((s) => `${s}:*`);
    out.push({ title: `Replace "*" with the services the policy's other statements use: ${names.join(', ')}`, kind: 'quickfix', edits: [replaceStringList(ctx.text, st.action!.value!, listWith(st, item, names))] });
  }
  return out.filter((p): p is FixProposal => p !== undefined);
}

export const wildcardFixes: QuickFixProvider = {
  codes: WILDCARD_CODES,
  provide(ctx, diagnostic, at) {
    const resolves = RESOLVED_BY[String(diagnostic.code)];
    const where = locate(ctx.parsed, at.offset);
    const st = where?.statement;
    if (!where || !st || st.effect?.value !== 'Allow' || !st.action?.value || st.action.negated || !allStrings(st)) return [];
    const item = st.action.items.find((i) => at.offset >= i.span.offset && at.offset < i.span.offset + Math.max(1, i.span.length));
    if (!resolves || !item || !hasWildcard(item.value)) return [];
    if (item.value === '*') return resolves('noStar') ? starFixes(ctx, where.policy, st, item) : [];
    return servicePrefixOf(item.value) ? serviceWildcardFixes(ctx, st, item, resolves) : [];
  },
};

/** RESOURCE_STAR on a statement whose one action is a service wildcard: the same resource-scope fix. */
export const serviceWildcardScopeFix: QuickFixProvider = {
  codes: ['RESOURCE_STAR'],
  provide(ctx, _diagnostic, at) {
    const st = locate(ctx.parsed, at.offset)?.statement;
    if (!st || st.effect?.value !== 'Allow' || !st.action?.value || st.action.negated || !allStrings(st) || st.action.items.length !== 1) return [];
    const item = st.action.items[0]!;
    if (item.value === '*' || !hasWildcard(item.value) || !servicePrefixOf(item.value)) return [];
    const p = scopeServiceWildcard(ctx, st, item, expandPattern(ctx.catalog, item.value));
    return p ? [p] : [];
  },
};
