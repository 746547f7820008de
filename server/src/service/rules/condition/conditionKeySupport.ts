// Which actions of a statement support a condition key, for UNSUPPORTED_ACTION_FOR_CONDITION_KEY (per action)
// and the tag-key-vs-service rules (per service). Only keys whose support the catalog lists per action are
// checked: service keys and the aws: tag keys; other aws: keys apply to every action.

import type { ActionInfo, IamCatalog } from '../../knowledge/catalog';
import { hasWildcard } from '../../knowledge/glob';
import { expandPattern } from '../../knowledge/statementActions';
import type { Located, Statement } from '../../parser/policyModel';
import { actionSupportsKey, classifyKey } from './conditionUtil';

const TAG_KEY = /^aws:(resourcetag\/.+|requesttag\/.+|tagkeys)$/i;

/** True for aws:ResourceTag/x, aws:RequestTag/x, aws:TagKeys: global keys whose support varies per action. */
export function isGlobalTagKey(key: string): boolean {
  return TAG_KEY.test(key);
}

/** True when the catalog says per action whether the key is supported (service keys, aws: tag keys). */
export function isPerActionKey(catalog: IamCatalog, key: string): boolean {
  if (isGlobalTagKey(key)) return true;
  return classifyKey(catalog, key).kind === 'service';
}

export interface ActionItemSupport {
  readonly item: Located<string>;
  /** the item is a wildcard pattern */
  readonly pattern: boolean;
  /** the catalog actions it names */
  readonly actions: readonly ActionInfo[];
  readonly unsupported: readonly ActionInfo[];
}

/** For each Action item (not NotAction, not bare "*"): which of its actions do not support `key`. */
export function actionSupport(catalog: IamCatalog, statement: Statement, key: string): ActionItemSupport[] {
  const element = statement.action;
  if (!element || element.negated) return [];
  const out: ActionItemSupport[] = [];
  for (const item of element.items) {
    if (item.value === '*' || item.value.startsWith('*')) continue;
    const pattern = hasWildcard(item.value);
    const actions = pattern ? expandPattern(catalog, item.value) : [catalog.getAction(item.value)].filter((a): a is ActionInfo => a !== undefined);
    if (actions.length === 0) continue;
    out.push({ item, pattern, actions, unsupported: actions.filter((a) => !actionSupportsKey(catalog, a, key)) });
  }
  return out;
}
