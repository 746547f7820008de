// Refactoring: split an Allow statement so that each group of actions keeps only the ARNs that fit the
// resource types it accepts (s3:ListBucket → the bucket ARN, s3:GetObject → the object ARNs). Pairs of an
// action and an ARN of another type grant nothing, so the split grants exactly the same. Whenever the
// catalog cannot tell (unknown types, actions that only take "*"), an action keeps every ARN.

import { arnMatchesTemplate } from '../../knowledge/arnMatch';
import type { ResourceTypeInfo } from '../../knowledge/catalog';
import { resourceTypesOfAction } from '../../knowledge/arnIndex';
import { expandPattern } from '../../knowledge/statementActions';
import { locate, type RefactoringProvider } from '../fixTypes';
import { replaceNode, replaceStringList } from '../jsonEdits';
import { replaceStatementWith, sidWithSuffix, statementTextWith } from '../statementEdits';

export const splitStatementByResourceType: RefactoringProvider = {
  id: 'splitByResourceType',
  provide(ctx, _range, { start }) {
    const where = locate(ctx.parsed, start);
    const statement = where?.statement;
    const action = statement?.action;
    const resource = statement?.resource;
    if (!where || !statement || statement.effect?.value !== 'Allow' || !action?.value || action.negated || !resource?.value || resource.negated) return [];
    const onKey = statement.elements.some((e) => start >= e.keySpan.offset && start <= e.keySpan.offset + e.keySpan.length);
    if (!onKey) return [];
    const allStrings = (n: typeof action.value): boolean => n.type === 'string' || (n.type === 'array' && (n.children ?? []).every((c) => c.type === 'string'));
    if (!allStrings(action.value) || !allStrings(resource.value)) return [];
    const arns = resource.items.map((i) => i.value);
    if (arns.length < 2 || arns.includes('*')) return [];
    // Template placeholders match any text, so "arn:aws:s3:::b/*" also fits the bucket template. Each ARN
    // is assigned to the best-fitting templates: those with the most literal text in their resource part.
    const literalWeight = (template: string): number => template.replace(/\$\{[^}]*\}/g, '').length;
    const bestFit = new Map<string, Set<string>>();
    const candidates = new Map<string, ResourceTypeInfo>();
    for (const item of action.items) for (const a of expandPattern(ctx.catalog, item.value)) for (const t of resourceTypesOfAction(a) ?? []) candidates.set(t.arn, t);
    for (const arn of arns) {
      const fits = [...candidates.values()].filter((t) => arnMatchesTemplate(arn, t.template));
      const best = Math.max(-1, ...fits.map((t) => literalWeight(t.template.resource)));
      bestFit.set(arn, new Set(fits.filter((t) => literalWeight(t.template.resource) === best).map((t) => t.arn)));
    }
    const groups = new Map<string, { actions: string[]; arns: string[] }>();
    for (const item of action.items) {
      const expanded = expandPattern(ctx.catalog, item.value);
      let fitting: Set<string> | undefined = new Set();
      for (const a of expanded) {
        const types = resourceTypesOfAction(a);
        if (!types || types.length === 0) {
          fitting = undefined; // the catalog cannot say which ARNs fit: keep them all
          break;
        }
        for (const arn of arns) if (types.some((t) => bestFit.get(arn)?.has(t.arn))) fitting.add(arn);
      }
      const keep = expanded.length === 0 || !fitting || fitting.size === 0 ? arns : arns.filter((a) => fitting!.has(a));
      const key = keep.join('\n');
      const g = groups.get(key) ?? { actions: [], arns: keep };
      g.actions.push(item.value);
      groups.set(key, g);
    }
    if (groups.size < 2) return [];
    const taken = new Set(where.policy.statements.map((s) => s.sid?.value).filter((s): s is string => s !== undefined));
    let n = 0;
    const texts = [...groups.values()].map((g) => {
      const edits = [replaceStringList(ctx.text, action.value!, g.actions), replaceStringList(ctx.text, resource.value!, g.arns)];
      n++;
      const sid = statement.sid ? sidWithSuffix(statement.sid.value, n === 1 ? '' : `Part${n}`, taken) : undefined;
      if (sid && statement.sid && n > 1) {
        taken.add(sid);
        edits.push(replaceNode(statement.sid.node, JSON.stringify(sid)));
      }
      return statementTextWith(ctx.text, statement, edits);
    });
    return [{ title: `Split statement by resource type (${groups.size} statements)`, kind: 'refactor.extract', edits: [replaceStatementWith(ctx.text, where.policy, statement, texts)] }];
  },
};
