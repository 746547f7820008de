// Resolves CloudFormation intrinsics inside one policy subtree (JSON long form, or YAML short tags already turned
// into long form by yamlTree.ts) into a plain jsonc-shaped tree the rules can read:
//   - Fn::If picks one branch per variant ("then" = every If's first branch, "else" = every If's second), so two
//     variants check every branch; `Ref: AWS::NoValue` drops the property or array item;
//   - Fn::Sub / Fn::Join become strings with unknown parts as `*` where IAM reads `*` as a wildcard (Action,
//     Resource) and otherwise opaque strings; every other intrinsic becomes an opaque string (templateValue.ts);
//   - in Resource/NotResource, the value's ARN shape (cfnShapes.ts: what each placeholder can hold, the ARN a
//     `!GetAtt X.Arn` of a known type has) is kept on the marker for the rules that match ARNs to resource types.
// Offsets are kept from the source, so findings land on the template text. It does not locate policies.

import { getNodeValue } from 'jsonc-parser';
import { properties, propertyKey, propertyValue, type JsonNode } from '../jsonTree';
import { cloneNode, containerNode, propertyNode, scalarNode, type MutableNode } from './nodes';
import { plausibleWithWildcards, pseudoParameterValue, substituteCfn, type TemplateInfo } from './templateValue';
import { displayShape, getAttShape, getAttTarget, NO_SYMBOLS, placeholderShape, refShape, type TemplateSymbols } from './cfnShapes';

export type Variant = 'then' | 'else';

/** Keys under which `*` in a string is an IAM wildcard, so an unknown part can safely become `*`. */
const WILDCARD_SLOTS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

interface Intrinsic {
  readonly fn: string;
  readonly arg: JsonNode | undefined;
}

/** `{"Ref": x}` or `{"Fn::…": x}`: an object with exactly one such key. (`Condition` is left out: it is an IAM key.) */
export function intrinsicOf(node: JsonNode | undefined): Intrinsic | undefined {
  if (!node || node.type !== 'object') return undefined;
  const props = properties(node);
  if (props.length !== 1) return undefined;
  const fn = propertyKey(props[0]!);
  if (fn !== 'Ref' && !fn.startsWith('Fn::')) return undefined;
  return { fn, arg: propertyValue(props[0]!) };
}

/** How many Fn::If the subtree holds (0 = one variant is enough). */
export function countIfs(node: JsonNode | undefined): number {
  if (!node) return 0;
  let n = intrinsicOf(node)?.fn === 'Fn::If' ? 1 : 0;
  for (const c of node.children ?? []) n += countIfs(c);
  return n;
}

const NO_VALUE = Symbol('AWS::NoValue');
type Resolved = MutableNode | typeof NO_VALUE;

/** The policy subtree with intrinsics resolved for one variant; undefined when the whole value is AWS::NoValue. */
export function resolveIntrinsics(node: JsonNode, variant: Variant, symbols: TemplateSymbols = NO_SYMBOLS): MutableNode | undefined {
  const r = new Resolver(variant, symbols).resolve(node, false);
  return r === NO_VALUE ? undefined : r;
}

class Resolver {
  constructor(
    private readonly variant: Variant,
    private readonly symbols: TemplateSymbols,
  ) {}

  resolve(node: JsonNode, wildcardSlot: boolean): Resolved {
    const intrinsic = intrinsicOf(node);
    if (intrinsic) return this.intrinsic(node, intrinsic, wildcardSlot);
    if (node.type === 'object') {
      const out = containerNode('object', node.offset, node.length);
      for (const p of properties(node)) {
        const keyNode = p.children?.[0];
        if (!keyNode) continue;
        const value = propertyValue(p);
        const key = cloneNode(keyNode);
        const slot = WILDCARD_SLOTS.has(propertyKey(p));
        const resolved = value ? this.resolve(value, slot) : undefined;
        if (resolved === NO_VALUE) continue;
        const prop = propertyNode(key, resolved, p.colonOffset);
        prop.offset = p.offset;
        prop.length = p.length;
        prop.parent = out;
        out.children!.push(prop);
      }
      return out;
    }
    if (node.type === 'array') {
      const out = containerNode('array', node.offset, node.length);
      for (const item of node.children ?? []) {
        const resolved = this.resolve(item, wildcardSlot);
        if (resolved === NO_VALUE) continue;
        resolved.parent = out;
        out.children!.push(resolved);
      }
      return out;
    }
    // a CloudFormation dynamic reference ("{{resolve:ssm:/arn}}") is replaced at deploy time: like an intrinsic,
    // its parts are unknown (`*` where that is an IAM wildcard), never a literal to judge
    if (node.type === 'string' && typeof node.value === 'string' && node.value.includes('{{resolve:')) {
      const s = substituteDynamicReferences(node.value);
      if (wildcardSlot && plausibleWithWildcards(s.text)) return templated(node, 'dynamic-reference', s.text);
      return opaque(node, 'dynamic-reference');
    }
    return cloneNode(node);
  }

  private branch(arg: JsonNode | undefined): JsonNode | undefined {
    if (arg?.type !== 'array') return undefined;
    return arg.children?.[this.variant === 'then' ? 1 : 2];
  }

  private intrinsic(node: JsonNode, { fn, arg }: Intrinsic, wildcardSlot: boolean): Resolved {
    if (fn === 'Ref' && arg?.value === 'AWS::NoValue') return NO_VALUE;
    if (fn === 'Fn::If') {
      const chosen = this.branch(arg);
      return chosen ? this.resolve(chosen, wildcardSlot) : opaque(node, fn);
    }
    if (fn === 'Fn::Sub' || fn === 'Fn::Join') {
      const s = this.evalString(node);
      if (s === undefined) return opaque(node, fn);
      const shaped = wildcardSlot && s.shape !== s.text && s.shape.startsWith('arn:') ? { shape: s.shape, source: (fn === 'Fn::Sub' ? subSource(arg) : undefined) ?? displayShape(s.shape) } : undefined;
      if (s.unknown === 0) return templated(node, fn, s.text);
      if (wildcardSlot && plausibleWithWildcards(s.text)) return templated(node, fn, s.text, shaped);
      return opaque(node, fn, shaped);
    }
    if (wildcardSlot && (fn === 'Ref' || fn === 'Fn::GetAtt')) {
      const s = this.evalString(node);
      if (s && s.shape.startsWith('arn:')) return opaque(node, fn, { shape: s.shape, source: refSource(fn, arg) });
    }
    return opaque(node, fn);
  }

  /**
   * The string an intrinsic evaluates to, unknown parts as `*`, and its ARN shape (cfnShapes.ts: each unknown
   * part as what it can hold); undefined when it is not a string at all.
   */
  private evalString(node: JsonNode | undefined): Evaluated | undefined {
    if (!node) return undefined;
    if (node.type === 'string') return withShape(substituteDynamicReferences(String(node.value)));
    if (node.type === 'number' || node.type === 'boolean') return { text: String(node.value), unknown: 0, shape: String(node.value) };
    const intrinsic = intrinsicOf(node);
    if (!intrinsic) return undefined;
    const { fn, arg } = intrinsic;
    switch (fn) {
      case 'Ref': {
        const name = typeof arg?.value === 'string' ? arg.value : undefined;
        const v = name !== undefined ? pseudoParameterValue(name) : undefined;
        if (v !== undefined) return { text: v, unknown: 0, shape: v };
        return { text: '*', unknown: 1, shape: (name !== undefined ? refShape(name, this.symbols) : undefined) ?? '*' };
      }
      case 'Fn::GetAtt': {
        const target = getAttTarget(arg);
        return { text: '*', unknown: 1, shape: (target ? getAttShape(target.resource, target.attribute, this.symbols) : undefined) ?? '*' };
      }
      case 'Fn::If':
        return this.evalString(this.branch(arg));
      case 'Fn::Sub':
        return this.evalSub(arg);
      case 'Fn::Join': {
        const [delim, list] = arg?.type === 'array' ? (arg.children ?? []) : [];
        if (delim?.type !== 'string' || list?.type !== 'array') return UNKNOWN;
        let unknown = 0;
        const parts: string[] = [];
        const shapes: string[] = [];
        for (const item of list.children ?? []) {
          if (intrinsicOf(item)?.fn === 'Ref' && item.children?.[0]?.children?.[1]?.value === 'AWS::NoValue') continue;
          const s = this.evalString(item) ?? UNKNOWN;
          unknown += s.unknown;
          parts.push(s.text);
          shapes.push(s.shape);
        }
        return { text: parts.join(String(delim.value)), unknown, shape: shapes.join(String(delim.value)) };
      }
      default:
        return UNKNOWN;
    }
  }

  private evalSub(arg: JsonNode | undefined): Evaluated | undefined {
    const shapeOf = (name: string): string => placeholderShape(name, this.symbols);
    if (arg?.type === 'string') {
      const text = String(arg.value);
      return { text: substituteCfn(text, '*').value, unknown: substituteCfn(text, '*').unknown, shape: substituteCfn(text, shapeOf).value };
    }
    if (arg?.type !== 'array') return undefined;
    const [template, vars] = arg.children ?? [];
    if (template?.type !== 'string') return undefined;
    const known = new Map<string, string>();
    const knownShapes = new Map<string, string>();
    const partlyUnknown: string[] = [];
    for (const p of properties(vars)) {
      const s = this.evalString(propertyValue(p)) ?? UNKNOWN;
      known.set(propertyKey(p), s.text);
      knownShapes.set(propertyKey(p), s.shape);
      if (s.unknown > 0) partlyUnknown.push(propertyKey(p));
    }
    const sub = substituteCfn(String(template.value), '*', known);
    // a variable of the map shadows a parameter or resource of the same name
    const shape = substituteCfn(String(template.value), shapeOf, knownShapes).value;
    // a variable whose value is itself partly unknown counts as unknown where it is used
    const extra = partlyUnknown.filter((name) => String(template.value).includes(`\${${name}}`)).length;
    return { text: sub.value, unknown: sub.unknown + extra, shape };
  }
}

interface Evaluated {
  readonly text: string;
  readonly unknown: number;
  readonly shape: string;
}

const UNKNOWN: Evaluated = { text: '*', unknown: 1, shape: '*' };

function withShape(s: { text: string; unknown: number }): Evaluated {
  return { ...s, shape: s.text };
}

/** The Fn::Sub template string as written (`arn:${AWS::Partition}:s3:::${Bucket}`), for messages. */
function subSource(arg: JsonNode | undefined): string | undefined {
  const t = arg?.type === 'array' ? arg.children?.[0] : arg;
  return t?.type === 'string' ? String(t.value) : undefined;
}

function refSource(fn: string, arg: JsonNode | undefined): string {
  if (fn === 'Ref') return `!Ref ${String(arg?.value)}`;
  const t = getAttTarget(arg);
  return t ? `!GetAtt ${t.resource}.${t.attribute}` : fn;
}

type Shaped = { readonly shape: string; readonly source: string } | undefined;

function marked(node: JsonNode, value: string, info: TemplateInfo): MutableNode {
  const out = scalarNode('string', value, node.offset, node.length);
  out.template = info;
  return out;
}

/**
 * The value of an opaque node is the intrinsic written as compact JSON (`{"Ref":"Arns"}`): never judged by a rule
 * (the model leaves it out), but two different expressions never compare equal and the same one always does.
 */
function opaque(node: JsonNode, fn: string, shaped?: Shaped): MutableNode {
  return marked(node, JSON.stringify(getNodeValue(node as never)), { kind: 'opaque', fn, ...shaped });
}

function templated(node: JsonNode, fn: string, value: string, shaped?: Shaped): MutableNode {
  return marked(node, value, { kind: 'templated', fn, ...shaped });
}

/** "{{resolve:service:ref}}" parts (CloudFormation dynamic references) as `*`, counted as unknown. */
function substituteDynamicReferences(text: string): { text: string; unknown: number } {
  let unknown = 0;
  const out = text.replace(/\{\{resolve:[^}]*\}\}/g, () => {
    unknown++;
    return '*';
  });
  return { text: out, unknown };
}
