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
  type Span,
  type PolicyType,
  type PolicyTypeSource,
  type PrincipalElement,
  type PrincipalEntry,
  type Statement,
  type StringListElement,
} from './policyModel';
import { isOpaque } from './containers/templateValue';
import type { DerivedKey } from './derived';

export interface PolicyPlacement {
  readonly policyType: PolicyType;
  readonly policyTypeSource: PolicyTypeSource;
  readonly label?: string;
  readonly resourceType?: string;
}

export function buildPolicy(root: JsonNode, placement: PolicyPlacement): PolicyDocument {
  const elements = toElements(root);
  const versionEl = firstWithKey(elements, 'Version');
  const statementEl = firstWithKey(elements, 'Statement');
  const stmtValue = statementEl?.value;
  const stmtNodes = stmtValue?.type === 'array' ? (stmtValue.children ?? []) : stmtValue?.type === 'object' ? [stmtValue] : [];
  const statements: Statement[] = [];
  for (const n of stmtNodes) if (n.type === 'object') statements.push(buildStatement(n, statements.length));
  return new BuiltPolicy(
    root,
    elements,
    versionEl?.value ? located(versionEl.value, versionEl.value.value as unknown) : undefined,
    statementEl,
    stmtValue?.type === 'object',
    statements,
    placement,
  );
}

// Classes rather than object literals with a `get` closure each: one shared method, one hidden class per kind,
// and no per-object function allocation (the model is rebuilt on every keystroke).

class BuiltPolicy implements PolicyDocument {
  derived: Map<DerivedKey<unknown>, unknown> | undefined = undefined;
  readonly span: Span;
  readonly policyType: PolicyType;
  readonly policyTypeSource: PolicyTypeSource;
  readonly label: string;
  readonly resourceType?: string;
  constructor(
    readonly root: JsonNode,
    readonly elements: readonly Element[],
    readonly version: Located<unknown> | undefined,
    readonly statementElement: Element | undefined,
    readonly statementIsObject: boolean,
    readonly statements: readonly Statement[],
    placement: PolicyPlacement,
  ) {
    this.span = spanOf(root);
    this.policyType = placement.policyType;
    this.policyTypeSource = placement.policyTypeSource;
    this.label = placement.label ?? '';
    if (placement.resourceType) this.resourceType = placement.resourceType;
  }
  get(key: string): Element | undefined {
    return firstWithKey(this.elements, key);
  }
}

class BuiltStatement implements Statement {
  derived: Map<DerivedKey<unknown>, unknown> | undefined = undefined;
  constructor(
    readonly index: number,
    readonly node: JsonNode,
    readonly elements: readonly Element[],
    readonly sid: Located<string> | undefined,
    readonly effect: Located<string> | undefined,
    readonly action: StringListElement | undefined,
    readonly resource: StringListElement | undefined,
    readonly principal: PrincipalElement | undefined,
    readonly condition: ConditionElement | undefined,
  ) {}
  get(key: string): Element | undefined {
    return firstWithKey(this.elements, key);
  }
}

function firstWithKey(elements: readonly Element[], key: string): Element | undefined {
  for (const e of elements) if (e.key === key) return e;
  return undefined;
}

function toElements(node: JsonNode): Element[] {
  const out: Element[] = [];
  if (node.type !== 'object' || !node.children) return out;
  for (const p of node.children) {
    if (p.type !== 'property') continue;
    const keyNode = propertyKeyNode(p)!;
    out.push({ key: propertyKey(p), keySpan: spanOf(keyNode), property: p, value: propertyValue(p) });
  }
  return out;
}

function located<T>(node: JsonNode, value: T): Located<T> {
  return { value, span: spanOf(node), node };
}

function stringItems(node: JsonNode | undefined): Located<string>[] {
  const out: Located<string>[] = [];
  if (!node) return out;
  // opaque template values (CloudFormation Ref/GetAtt, Terraform references) are unknown: no rule may judge them
  if (node.type !== 'array') {
    if (node.type === 'string' && !isOpaque(node)) out.push(located(node, node.value as string));
    return out;
  }
  for (const n of node.children ?? []) if (n.type === 'string' && !isOpaque(n)) out.push(located(n, n.value as string));
  return out;
}

function scalarItems(node: JsonNode | undefined): Located<string | number | boolean | null>[] {
  const out: Located<string | number | boolean | null>[] = [];
  if (!node) return out;
  const add = (n: JsonNode): void => {
    if ((n.type === 'string' && !isOpaque(n)) || n.type === 'number' || n.type === 'boolean' || n.type === 'null') out.push(located(n, n.value as string | number | boolean | null));
  };
  if (node.type === 'array') for (const n of node.children ?? []) add(n);
  else add(node);
  return out;
}

function stringList(el: Element | undefined, negated: boolean): StringListElement | undefined {
  if (!el) return undefined;
  return { key: el.key, keySpan: el.keySpan, property: el.property, value: el.value, negated, isArray: el.value?.type === 'array', items: stringItems(el.value), derived: undefined };
}

function buildStatement(node: JsonNode, index: number): Statement {
  const elements = toElements(node);
  const str = (key: string): Located<string> | undefined => {
    const v = firstWithKey(elements, key)?.value;
    return v?.type === 'string' && !isOpaque(v) ? located(v, v.value as string) : undefined;
  };
  const action = firstWithKey(elements, 'Action');
  const notAction = action ? undefined : firstWithKey(elements, 'NotAction');
  const resource = firstWithKey(elements, 'Resource');
  const notResource = resource ? undefined : firstWithKey(elements, 'NotResource');
  const principal = firstWithKey(elements, 'Principal');
  const notPrincipal = principal ? undefined : firstWithKey(elements, 'NotPrincipal');
  const principalEl = principal ?? notPrincipal;
  return new BuiltStatement(
    index,
    node,
    elements,
    str('Sid'),
    str('Effect'),
    action ? stringList(action, false) : stringList(notAction, notAction !== undefined),
    resource ? stringList(resource, false) : stringList(notResource, notResource !== undefined),
    principalEl ? buildPrincipal(principalEl, notPrincipal !== undefined) : undefined,
    buildCondition(firstWithKey(elements, 'Condition')),
  );
}

function buildPrincipal(el: Element, negated: boolean): PrincipalElement {
  const v = el.value;
  const wildcard = v?.type === 'string' && !isOpaque(v) ? located(v, v.value as string) : undefined;
  const entries: PrincipalEntry[] = [];
  if (v?.type === 'object') {
    for (const p of properties(v)) {
      const keyNode = propertyKeyNode(p)!;
      const valueNode = propertyValue(p);
      entries.push({ type: located(keyNode, propertyKey(p)), isArray: valueNode?.type === 'array', values: stringItems(valueNode), valueNode });
    }
  }
  return { key: el.key, keySpan: el.keySpan, property: el.property, value: el.value, negated, wildcard, entries };
}

function buildCondition(el: Element | undefined): ConditionElement | undefined {
  if (!el) return undefined;
  const v = el.value;
  const operators: ConditionOperatorBlock[] = [];
  if (v?.type === 'object') {
    for (const p of properties(v)) {
      const opNode = propertyKeyNode(p)!;
      const block = propertyValue(p);
      const entries: ConditionEntry[] = [];
      if (block?.type === 'object') {
        for (const kp of properties(block)) {
          const keyNode = propertyKeyNode(kp)!;
          const valueNode = propertyValue(kp);
          entries.push({ key: located(keyNode, propertyKey(kp)), isArray: valueNode?.type === 'array', values: scalarItems(valueNode), valueNode });
        }
      }
      operators.push({ operator: located(opNode, propertyKey(p)), entries, valueNode: block });
    }
  }
  return { key: el.key, keySpan: el.keySpan, property: el.property, value: el.value, operators };
}
