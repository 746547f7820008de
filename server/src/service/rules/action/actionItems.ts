// Shared by the action rules: every Action/NotAction string of a policy, split into service prefix and name.
// Splitting only; what is wrong with a name is each rule's call. Values built from templates are left out.

import type { Located, PolicyDocument, Statement, StringListElement } from '../../parser/policyModel';
import { isTemplated } from '../../parser/containers/templateValue';
import { derive, DerivedKey } from '../../parser/derived';
import type { IamCatalog } from '../../knowledge/catalog';
import type { ActionFacts } from './actionFacts';
import { StringMemo } from '../../util/stringMemo';

export interface ActionItem {
  readonly statement: Statement;
  readonly element: StringListElement;
  readonly item: Located<string>;
  /** undefined when the string is not "prefix:name" (INVALID_ACTION_FORMAT reports it) */
  readonly prefix: string | undefined;
  readonly name: string | undefined;
  /** memo slot of actionFacts.itemFacts (the facts of `item.value` in `factsCatalog`); nothing else writes it */
  factsCatalog: IamCatalog | undefined;
  facts: ActionFacts | undefined;
}

/** "prefix:name" with exactly one colon, both sides non-empty and without white space; or undefined. */
export function splitAction(value: string): { prefix: string; name: string } | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1 || value.indexOf(':', colon + 1) >= 0) return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32 || c === 127) return undefined;
  }
  return { prefix: value.slice(0, colon), name: value.slice(colon + 1) };
}

/** splitAction, remembered for strings seen recently: the same names come back on every keystroke (bounded). */
const splits = new StringMemo<{ prefix: string; name: string } | null>(20_000);
export function splitActionCached(value: string): { prefix: string; name: string } | undefined {
  return splits.get(value, undefined, splitOrNull) ?? undefined;
}

function splitOrNull(value: string): { prefix: string; name: string } | null {
  return splitAction(value) ?? null;
}

/** Per parsed policy: a dozen rules read the same list on every keystroke, and the model is immutable. */
const ACTION_ITEMS = new DerivedKey<readonly ActionItem[]>('actionItems');

export function actionItems(policy: PolicyDocument): readonly ActionItem[] {
  return derive(policy, ACTION_ITEMS, () => collectActionItems(policy));
}

function collectActionItems(policy: PolicyDocument): ActionItem[] {
  const out: ActionItem[] = [];
  for (const statement of policy.statements) {
    const element = statement.action;
    if (!element) continue;
    for (const item of element.items) {
      // a name assembled at deploy time (CloudFormation Fn::Sub, Terraform interpolation) is not what the user typed
      if (isTemplated(item.node)) continue;
      const parts = item.value === '*' ? undefined : splitActionCached(item.value);
      out.push({ statement, element, item, prefix: parts?.prefix, name: parts?.name, factsCatalog: undefined, facts: undefined });
    }
  }
  return out;
}
