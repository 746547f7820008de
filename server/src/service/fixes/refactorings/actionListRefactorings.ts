// Refactorings on an Action/NotAction list at the cursor: expand a wildcard into its actions, narrow a
// wildcard by access level (Allow + Action only: narrowing a Deny or a NotAction would widen access),
// collapse a list into the fewest equivalent wildcards, and sort/de-duplicate.

import type { ActionInfo } from '../../knowledge/catalog';
import { hasWildcard } from '../../knowledge/glob';
import { expandPattern } from '../../knowledge/statementActions';
import type { Located, Statement } from '../../parser/policyModel';
import { actionNames, collapseToWildcards, filterByLevels, NO_PERMISSIONS_MANAGEMENT_MASK, READ_ONLY_MASK } from '../actionSets';
import { locate, type FixContext, type FixProposal, type RefactoringProvider } from '../fixTypes';
import { replaceStringList } from '../jsonEdits';

/** Above this many actions an explicit list stops being readable or maintainable: not offered. */
export const MAX_EXPLICIT_ACTIONS = 400;

function itemAt(statement: Statement, offset: number): Located<string> | undefined {
  return statement.action?.items.find((i) => offset >= i.span.offset && offset <= i.span.offset + i.span.length);
}

/** Only plain string lists can be rewritten without losing anything the user wrote. */
function allStrings(statement: Statement): boolean {
  const v = statement.action?.value;
  if (!v) return false;
  if (v.type === 'string') return true;
  return v.type === 'array' && (v.children ?? []).every((c) => c.type === 'string');
}

/** The list with `item` replaced by `replacement` (all other items kept in order). */
function listWith(statement: Statement, item: Located<string>, replacement: readonly string[]): string[] {
  const out: string[] = [];
  for (const i of statement.action!.items) {
    if (i === item) out.push(...replacement);
    else out.push(i.value);
  }
  return out;
}

export function narrowWildcardProposals(ctx: FixContext, statement: Statement, item: Located<string>, kind: FixProposal['kind']): FixProposal[] {
  if (!allStrings(statement) || !hasWildcard(item.value)) return [];
  const expanded = expandPattern(ctx.catalog, item.value);
  if (expanded.length === 0) return [];
  const valueNode = statement.action!.value!;
  const out: FixProposal[] = [];
  const add = (title: string, actions: readonly ActionInfo[]): void => {
    if (actions.length === 0 || actions.length > MAX_EXPLICIT_ACTIONS) return;
    const edit = replaceStringList(ctx.text, valueNode, listWith(statement, item, actionNames(actions)));
    out.push({ title, kind, edits: [edit] });
  };
  // narrowing is only a narrowing for Allow + Action; for Deny or NotAction it would widen access
  const narrowingIsSafe = statement.effect?.value === 'Allow' && !statement.action!.negated;
  if (narrowingIsSafe) {
    const readOnly = filterByLevels(expanded, READ_ONLY_MASK);
    const noPm = filterByLevels(expanded, NO_PERMISSIONS_MANAGEMENT_MASK);
    if (readOnly.length < expanded.length) add(`Narrow "${item.value}" to List + Read actions only (${readOnly.length})`, readOnly);
    if (noPm.length < expanded.length && noPm.length > readOnly.length) {
      add(`Narrow "${item.value}" to List + Read + Write + Tagging, no Permissions management (${noPm.length})`, noPm);
    }
  }
  add(`Expand "${item.value}" into all ${expanded.length} actions, explicit`, expanded);
  return out;
}

export const actionListRefactorings: RefactoringProvider = {
  id: 'actionList',
  provide(ctx, _range, { start }) {
    const where = locate(ctx.parsed, start);
    const statement = where?.statement;
    if (!statement?.action?.value || !allStrings(statement)) return [];
    const valueNode = statement.action.value;
    const inList = start >= statement.action.keySpan.offset && start <= valueNode.offset + valueNode.length;
    if (!inList) return [];
    const out: FixProposal[] = [];
    const item = itemAt(statement, start);
    if (item) out.push(...narrowWildcardProposals(ctx, statement, item, 'refactor.rewrite'));

    const items = statement.action.items;
    if (items.length >= 2) {
      // sort + de-duplicate (case-insensitively: IAM action names are case-insensitive)
      const seen = new Set<string>();
      const unique = items.map((i) => i.value).filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
      const sorted = [...unique].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
      if (sorted.join('\n') !== items.map((i) => i.value).join('\n')) {
        out.push({ title: 'Sort and remove duplicate actions', kind: 'refactor.rewrite', edits: [replaceStringList(ctx.text, valueNode, sorted)], safe: false });
      }
      // collapse into wildcards: only when every item resolves, so nothing the user wrote is silently dropped
      const all = new Set<ActionInfo>();
      let resolvable = true;
      for (const i of items) {
        const matched = expandPattern(ctx.catalog, i.value);
        if (matched.length === 0 || i.value === '*') resolvable = false;
        for (const a of matched) all.add(a);
      }
      if (resolvable) {
        const collapsed = collapseToWildcards(ctx.catalog, all);
        if (collapsed.length < items.length) {
          out.push({
            title: `Collapse ${items.length} actions into ${collapsed.length} equivalent wildcard${collapsed.length === 1 ? '' : 's'}`,
            kind: 'refactor.rewrite',
            edits: [replaceStringList(ctx.text, valueNode, collapsed)],
          });
        }
      }
    }
    return out;
  },
};
