// Shared by the action rules: every Action/NotAction string of a policy, split into service prefix and name.
// Splitting only; what is wrong with a name is each rule's call. Values built from templates are left out.

import type { Located, PolicyDocument, Statement, StringListElement } from '../../parser/policyModel';
import { isTemplated } from '../../parser/containers/templateValue';
import { deriveWith, DerivedKey } from '../../parser/derived';
import type { IamCatalog } from '../../knowledge/catalog';
import type { ActionFacts } from './actionFacts';
import { actionString, elementActionStrings, splitAction, type ActionString } from '../../knowledge/actionStrings';

export interface ActionItem {
  readonly statement: Statement;
  readonly element: StringListElement;
  readonly item: Located<string>;
  /** undefined when the string is not "prefix:name" (INVALID_ACTION_FORMAT reports it) */
  readonly prefix: string | undefined;
  readonly name: string | undefined;
  /** the string's shared entry (split, catalog facts) */
  readonly string: ActionString;
  /** memo slot of actionFacts.itemFacts (the facts of `item.value` in `factsCatalog`); nothing else writes it */
  factsCatalog: IamCatalog | undefined;
  facts: ActionFacts | undefined;
}

export { splitAction };

/** splitAction, remembered per string (knowledge/actionStrings.ts): the same names come back on every keystroke. */
export function splitActionCached(value: string): { prefix: string; name: string } | undefined {
  return actionString(value).split;
}

/** Per parsed policy: a dozen rules read the same list on every keystroke, and the model is immutable. */
const ACTION_ITEMS = new DerivedKey<readonly ActionItem[]>('actionItems');

export function actionItems(policy: PolicyDocument): readonly ActionItem[] {
  return deriveWith(policy, ACTION_ITEMS, undefined, collectActionItems);
}

function collectActionItems(policy: PolicyDocument): ActionItem[] {
  const out: ActionItem[] = [];
  for (const statement of policy.statements) {
    const element = statement.action;
    if (!element) continue;
    const strings = elementActionStrings(element);
    element.items.forEach((item, k) => {
      // a name assembled at deploy time (CloudFormation Fn::Sub, Terraform interpolation) is not what the user typed
      if (isTemplated(item.node)) return;
      const string = strings[k]!;
      const parts = item.value === '*' ? undefined : string.split;
      out.push({ statement, element, item, string, prefix: parts?.prefix, name: parts?.name, factsCatalog: undefined, facts: undefined });
    });
  }
  return out;
}
