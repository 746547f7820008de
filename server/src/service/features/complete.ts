// Completion: element names, Effect / Version values, actions, ARN templates, condition operators / keys /
// values and principals at the cursor. Finds the place with parser/cursorContext (tolerant of half-typed
// JSON) and takes the items from features/completion/*; this module only dispatches.

import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from './featureContext';
import { getCursorContext, isPolicyLike, type CursorContext } from '../parser/cursorContext';
import type { Element } from '../parser/policyModel';
import { EditBuilder, type ItemSpec } from './completion/edits';
import { EFFECT_VALUES, STATEMENT_ITEM, VERSION_VALUES, principalKeyItems, statementKeyItems, topLevelKeyItems } from './completion/elementItems';
import { servicePrefixItems, serviceActionItems } from './completion/actionItems';
import { resourceItems, variableItems } from './completion/resourceItems';
import { conditionKeyItems, conditionValueItems, operatorItems } from './completion/conditionItems';
import { principalValueItems } from './completion/principalItems';
import { sidItems } from './completion/sidItems';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function doComplete(ctx: FeatureContext, doc: TextDocument, position: Position): CompletionList {
  if (!isPolicyLike(ctx.parsed)) return EMPTY;
  const offset = doc.offsetAt(position);
  const cur = getCursorContext(ctx.parsed, offset, 'complete');
  if (!cur.token && !bareStart(ctx.parsed.text, offset, cur.inKey)) return EMPTY;
  if (cur.token && !cur.token.isString && cur.inKey) return EMPTY;
  const items = completeAt(ctx, new EditBuilder(doc, cur), cur);
  return { isIncomplete: false, items };
}

/** At a position outside any token, a new key or value may start only after `{` / `,` (keys) or `:` / `[` / `,` (values). */
function bareStart(text: string, offset: number, inKey: boolean): boolean {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  const c = i < 0 ? '' : text[i]!;
  return inKey ? c === '{' || c === ',' : c === ':' || c === '[' || c === ',';
}

function completeAt(ctx: FeatureContext, b: EditBuilder, cur: CursorContext): CompletionItem[] {
  const { catalog } = ctx;
  const st = cur.statement;
  const keys = (specs: readonly ItemSpec[]): CompletionItem[] => specs.map((s) => b.key(s));
  const values = (specs: readonly ItemSpec[]): CompletionItem[] => specs.map((s) => b.value(s));
  switch (cur.target) {
    case 'topLevelKey':
      return keys(topLevelKeyItems(otherKeys(cur.policy?.elements ?? [], cur)));
    case 'statementKey':
      return keys(statementKeyItems(otherKeys(st?.elements ?? [], cur)));
    case 'principalKey':
      return keys(principalKeyItems((st?.principal?.entries ?? []).filter((e) => e.type.span.offset !== cur.token?.start).map((e) => e.type.value)));
    case 'version':
      return values(VERSION_VALUES);
    case 'effect':
      return values(EFFECT_VALUES);
    case 'sid':
      return values(sidItems(catalog, cur.policy, st));
    case 'action':
      return actionItems(ctx, b, cur);
    case 'resource': {
      const v = openVariable(cur);
      return v ? variableItems().map((s) => b.span(s, v.start, v.end)) : values(resourceItems(catalog, st));
    }
    case 'principalValue':
      return values(principalValueItems(cur.principalType));
    case 'conditionOperator': {
      const block = st?.condition?.operators.find((o) => o.operator.span.offset === cur.token?.start);
      return keys(operatorItems(catalog, block));
    }
    case 'conditionKey':
      return keys(conditionKeyItems(catalog, st, cur.operator));
    case 'conditionValue': {
      const v = openVariable(cur);
      return v ? variableItems().map((s) => b.span(s, v.start, v.end)) : values(conditionValueItems(catalog, cur.operator, cur.conditionKey));
    }
    case 'statement':
      return cur.token ? [] : [b.raw(STATEMENT_ITEM)];
    default:
      return [];
  }
}

/** Keys already present in the object, except the one being typed. */
function otherKeys(elements: readonly Element[], cur: CursorContext): string[] {
  return elements.filter((e) => e.keySpan.offset !== cur.token?.start).map((e) => e.key);
}

/** Services first; once "prefix:" is typed, that service's actions and wildcards. */
function actionItems(ctx: FeatureContext, b: EditBuilder, cur: CursorContext): CompletionItem[] {
  const token = cur.token && cur.token.isString ? cur.token : undefined;
  const typed = token ? token.text.slice(0, cur.offset - token.contentStart) : '';
  const colon = typed.indexOf(':');
  if (colon < 0) {
    const existingColon = token ? token.text.indexOf(':') : -1;
    if (token && existingColon >= 0) {
      // the cursor is in the service part of "s3:GetObject": replace only "s3:"
      const end = token.contentStart + existingColon + 1;
      return servicePrefixItems(ctx.catalog)
        .filter((s) => s.retrigger)
        .map((s) => b.span({ ...s, retrigger: false }, token.contentStart, end));
    }
    return servicePrefixItems(ctx.catalog).map((s) => b.value(s));
  }
  const service = ctx.catalog.getService(typed.slice(0, colon));
  if (!service) return [];
  const typedLower = typed.toLowerCase();
  let preselected = false;
  return serviceActionItems(service).map((s) => {
    const item = b.value(s);
    if (!preselected && typed.length > colon + 1 && s.label.toLowerCase().startsWith(typedLower)) {
      item.preselect = true;
      preselected = true;
    }
    return item;
  });
}

/** A `${` before the cursor that is not closed before it: the span to replace with a whole variable. */
function openVariable(cur: CursorContext): { start: number; end: number } | undefined {
  const token = cur.token;
  if (!token || !token.isString) return undefined;
  const rel = cur.offset - token.contentStart;
  const before = token.text.slice(0, rel);
  const open = before.lastIndexOf('${');
  if (open < 0 || before.indexOf('}', open) >= 0) return undefined;
  const close = token.text.indexOf('}', rel);
  const nextOpen = token.text.indexOf('${', rel);
  const end = close >= 0 && (nextOpen < 0 || close < nextOpen) ? close + 1 : rel;
  return { start: token.contentStart + open, end: token.contentStart + end };
}
