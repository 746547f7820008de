// YAML text -> jsonc-parser-shaped tree with absolute offsets, using the `yaml` package with the CloudFormation
// short-form tags registered. A tagged node `!Sub x` becomes the long form `{"Fn::Sub": x}` whose key node spans
// the tag, so one resolver (resolveIntrinsics.ts) handles JSON and YAML templates alike. It knows nothing about IAM.

import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node as YamlNode, type Document, type Tags } from 'yaml';
import type { SyntaxProblem } from '../jsonTree';
import { containerNode, propertyNode, scalarNode, type MutableNode } from './nodes';

/** Short tag -> long form key. `!GetAZs ''` and friends map to `Fn::GetAZs`; `!Ref` and `!Condition` keep their name. */
export const CFN_SHORT_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

/** Every short tag in scalar, sequence and mapping form; `resolve: v => v` keeps the node as parsed. */
const CUSTOM_TAGS: Tags = Object.keys(CFN_SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (v: string) => v },
  { tag, collection: 'seq' as const, resolve: (v: unknown) => v },
  { tag, collection: 'map' as const, resolve: (v: unknown) => v },
]) as unknown as Tags;

export interface YamlTree {
  readonly root: MutableNode | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
}

export function parseYaml(text: string): YamlTree {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, strict: false, prettyErrors: false });
  } catch (err) {
    return { root: undefined, syntaxErrors: [{ offset: 0, length: 1, message: `YAML could not be read: ${String(err)}.` }] };
  }
  const syntaxErrors = doc.errors.map((e): SyntaxProblem => {
    const [start, end] = e.pos;
    return { offset: start, length: Math.max(1, end - start), message: firstLine(e.message) };
  });
  const converter = new Converter(text, doc);
  const root = doc.contents ? converter.convert(doc.contents as YamlNode) : undefined;
  return { root, syntaxErrors };
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

class Converter {
  private readonly aliasDepth = new Set<YamlNode>();

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
  ) {}

  convert(node: YamlNode): MutableNode {
    const plain = this.convertUntagged(node);
    const long = node.tag ? CFN_SHORT_TAGS[node.tag] : undefined;
    if (!long) return plain;
    const tagStart = this.tagStart(node, node.tag!);
    const key = scalarNode('string', long, tagStart, node.tag!.length);
    const end = plain.offset + plain.length;
    return containerNode('object', tagStart, Math.max(end, tagStart + key.length) - tagStart, [propertyNode(key, plain)]);
  }

  /** A tagged node's range starts after the tag: find the tag text just before it (spaces and newlines between). */
  private tagStart(node: YamlNode, tag: string): number {
    const start = node.range?.[0] ?? 0;
    const at = this.text.lastIndexOf(tag, start);
    if (at >= 0 && /^[\s]*$/.test(this.text.slice(at + tag.length, start))) return at;
    return start;
  }

  private convertUntagged(node: YamlNode): MutableNode {
    const [start, end] = rangeOf(node);
    if (isMap(node)) {
      const props: MutableNode[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyYaml = pair.key as YamlNode | null;
        const key = keyYaml && isScalar(keyYaml) ? this.keyNode(keyYaml) : keyYaml ? this.asString(keyYaml) : scalarNode('string', '', start, 0);
        let value: MutableNode;
        if (pair.value === null || pair.value === undefined) value = scalarNode('null', null, key.offset + key.length, 0);
        else value = this.convert(pair.value as YamlNode);
        props.push(propertyNode(key, value));
      }
      return containerNode('object', start, this.blockEnd(start, end, props) - start, props);
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => (item === null ? scalarNode('null', null, start, 0) : this.convert(item as YamlNode)));
      return containerNode('array', start, this.blockEnd(start, end, items) - start, items);
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target || this.aliasDepth.has(target)) return scalarNode('null', null, start, end - start);
      this.aliasDepth.add(target);
      try {
        return this.convert(target);
      } finally {
        this.aliasDepth.delete(target);
      }
    }
    if (isScalar(node)) return this.scalar(node, start, end);
    return scalarNode('null', null, start, end - start);
  }

  /**
   * A block collection's range runs to the next line (trailing newline, comments): end it at its last child so a
   * finding on it does not spill onto the following key. Flow collections (`{…}`, `[…]`) end at their bracket.
   */
  private blockEnd(start: number, end: number, children: readonly MutableNode[]): number {
    const open = this.text[start];
    if (open === '{' || open === '[' || children.length === 0) return end;
    return Math.max(...children.map((c) => c.offset + c.length));
  }

  private keyNode(node: Scalar): MutableNode {
    const [start, end] = rangeOf(node);
    return scalarNode('string', node.value === null ? '' : this.scalarText(node, start, end), start, end - start);
  }

  /**
   * Scalars: null stays null; everything else is a string, as CloudFormation passes it on (an unquoted account ID
   * `123456789012` or `false` reaches IAM as text, which IAM accepts in every place a number or boolean is).
   */
  private scalar(node: Scalar, start: number, end: number): MutableNode {
    if (node.value === null && node.type === Scalar.PLAIN) return scalarNode('null', null, start, end - start);
    return scalarNode('string', this.scalarText(node, start, end), start, end - start);
  }

  private scalarText(node: Scalar, start: number, end: number): string {
    if (typeof node.value === 'string') return node.value;
    if (node.type === Scalar.PLAIN) return this.text.slice(start, end);
    return String(node.value);
  }

  private asString(node: YamlNode): MutableNode {
    const [start, end] = rangeOf(node);
    return scalarNode('string', this.text.slice(start, end), start, end - start);
  }
}

function rangeOf(node: YamlNode): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}
