// Turns a JSON object node into the typed PolicyDocument model. Never throws and never reports:
// wrong shapes are simply left out of the typed fields, and the grammar rules read the raw nodes.

import { properties, propertyKey, propertyKeyNode, propertyValue, type JsonNode } from './jsonTree';
import {
  spanOf,
  type ConditionElement,
  type ConditionEntry,
  type ConditionOperatorBlock,
  type Element,
  type Located,
  type PolicyDocument,
  type PolicyType,
  type PolicyTypeSource,
  type PrincipalElement,
  type PrincipalEntry,
  type Statement,
  type StringListElement,
} from './policyModel';
import { isOpaque } from './containers/templateValue';

export interface PolicyPlacement {
  readonly policyType: PolicyType;
  readonly policyTypeSource: PolicyTypeSource;
  readonly label?: string;
  readonly resourceType?: string;
}

export function buildPolicy(root: JsonNode, placement: PolicyPlacement): PolicyDocument {
  const elements = toElements(root);
  const get = (key: string): Element | undefined => elements.find((e) => e.key === key);
  const versionEl = get('Version');
  const statementEl = get('Statement');
  const stmtValue = statementEl?.value;
  const stmtNodes = stmtValue?.type === 'array' ? (stmtValue.children ?? []) : stmtValue?.type === 'object' ? [stmtValue] : [];
  const statements = stmtNodes.filter((n) => n.type === 'object').map((n, i) => buildStatement(n, i));
  return {
    root,
    span: spanOf(root),
    elements,
    version: versionEl?.value ? located(versionEl.value, versionEl.value.value as unknown) : undefined,
    statementElement: statementEl,
    statementIsObject: stmtValue?.type === 'object',
    statements,
    policyType: placement.policyType,
    policyTypeSource: placement.policyTypeSource,
    label: placement.label ?? '',
    ...(placement.resourceType ? { resourceType: placement.resourceType } : {}),
    get,
  };
}

function toElements(node: JsonNode): Element[] {
  return properties(node).map((p) => {
    const keyNode = propertyKeyNode(p)!;
    return { key: propertyKey(p), keySpan: spanOf(keyNode), property: p, value: propertyValue(p) };
  });
}

function located<T>(node: JsonNode, value: T): Located<T> {
  return { value, span: spanOf(node), node };
}

function stringItems(node: JsonNode | undefined): Located<string>[] {
  if (!node) return [];
  const nodes = node.type === 'array' ? (node.children ?? []) : [node];
  // opaque template values (CloudFormation Ref/GetAtt, Terraform references) are unknown: no rule may judge them
  return nodes.filter((n) => n.type === 'string' && !isOpaque(n)).map((n) => located(n, n.value as string));
}

function scalarItems(node: JsonNode | undefined): Located<string | number | boolean | null>[] {
  if (!node) return [];
  const nodes = node.type === 'array' ? (node.children ?? []) : [node];
  return nodes
    .filter((n) => (n.type === 'string' && !isOpaque(n)) || n.type === 'number' || n.type === 'boolean' || n.type === 'null')
    .map((n) => located(n, n.value as string | number | boolean | null));
}

function stringList(el: Element | undefined, negated: boolean): StringListElement | undefined {
  if (!el) return undefined;
  return { ...el, negated, isArray: el.value?.type === 'array', items: stringItems(el.value) };
}

function buildStatement(node: JsonNode, index: number): Statement {
  const elements = toElements(node);
  const get = (key: string): Element | undefined => elements.find((e) => e.key === key);
  const str = (key: string): Located<string> | undefined => {
    const v = get(key)?.value;
    return v?.type === 'string' && !isOpaque(v) ? located(v, v.value as string) : undefined;
  };
  const pick = (a: string, b: string): [Element | undefined, boolean] => {
    const pos = get(a);
    return pos ? [pos, false] : [get(b), get(b) !== undefined];
  };
  const [actionEl, actionNeg] = pick('Action', 'NotAction');
  const [resourceEl, resourceNeg] = pick('Resource', 'NotResource');
  const [principalEl, principalNeg] = pick('Principal', 'NotPrincipal');
  return {
    index,
    node,
    elements,
    sid: str('Sid'),
    effect: str('Effect'),
    action: stringList(actionEl, actionNeg),
    resource: stringList(resourceEl, resourceNeg),
    principal: principalEl ? buildPrincipal(principalEl, principalNeg) : undefined,
    condition: buildCondition(get('Condition')),
    get,
  };
}

function buildPrincipal(el: Element, negated: boolean): PrincipalElement {
  const v = el.value;
  const wildcard = v?.type === 'string' && !isOpaque(v) ? located(v, v.value as string) : undefined;
  const entries: PrincipalEntry[] =
    v?.type === 'object'
      ? properties(v).map((p) => {
          const keyNode = propertyKeyNode(p)!;
          const valueNode = propertyValue(p);
          return {
            type: located(keyNode, propertyKey(p)),
            isArray: valueNode?.type === 'array',
            values: stringItems(valueNode),
            valueNode,
          };
        })
      : [];
  return { ...el, negated, wildcard, entries };
}

function buildCondition(el: Element | undefined): ConditionElement | undefined {
  if (!el) return undefined;
  const v = el.value;
  const operators: ConditionOperatorBlock[] =
    v?.type === 'object'
      ? properties(v).map((p) => {
          const opNode = propertyKeyNode(p)!;
          const block = propertyValue(p);
          const entries: ConditionEntry[] =
            block?.type === 'object'
              ? properties(block).map((kp) => {
                  const keyNode = propertyKeyNode(kp)!;
                  const valueNode = propertyValue(kp);
                  return {
                    key: located(keyNode, propertyKey(kp)),
                    isArray: valueNode?.type === 'array',
                    values: scalarItems(valueNode),
                    valueNode,
                  };
                })
              : [];
          return { operator: located(opNode, propertyKey(p)), entries, valueNode: block };
        })
      : [];
  return { ...el, operators };
}
