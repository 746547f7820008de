// Builds the JSON tree from jsonc-parser's `visit` events: the same nodes, node for node, as its parseTree,
// plus two facts gathered on the way that would otherwise cost a pass over the text each: how deep objects and
// arrays nest, and the text's length without whitespace. Error wording and IAM meaning live elsewhere.

import { visit, type Node, type NodeType, type ParseError, type ParseOptions } from 'jsonc-parser';
import { strictJsonTree } from './strictJsonTree';

/**
 * One node of the tree. parseTree builds the same nodes as object literals of five different shapes (and
 * deletes the root's parent, which turns it into a slow dictionary object); every node here has one shape,
 * so that the rules' reads of `type`, `offset` and `children` stay fast. Same fields, same meaning.
 */
class TreeNode implements Node {
  colonOffset: number | undefined = undefined;
  constructor(
    readonly type: NodeType,
    public offset: number,
    public length: number,
    public parent: TreeNode | undefined,
    public children: TreeNode[] | undefined,
    public value: unknown,
  ) {}
}

export interface BuiltTree {
  readonly root: Node | undefined;
  /** deepest nesting of objects and arrays seen; counting stops one past `maxDepth` (whose children are not built) */
  readonly depth: number;
  /**
   * characters of the text without whitespace (space, tab, CR, LF), wherever they stand: the sum of the token
   * lengths less the spaces inside strings. Meaningful only when the text has no syntax errors.
   */
  readonly nonWhitespaceLength: number;
}

const SPACE = 32;

/**
 * Parses `text` like jsonc-parser's parseTree(text, errors, options). Objects and arrays nested deeper than
 * `maxDepth` are built empty; the caller sees `depth > maxDepth` and should not analyse the tree. Input nested
 * so deep that the recursive parser overflows the stack throws a RangeError (callers turn it into a finding).
 */
export function buildTree(text: string, errors: ParseError[], options: ParseOptions, maxDepth: number): BuiltTree {
  // plain strict JSON (nearly every file) is read without the visitor's callback per token; the visitor decides
  // everything else, and alone reports errors (the fast path accepts only texts in which there are none)
  const strict = strictJsonTree(text, maxDepth, TreeNode);
  if (strict !== undefined) return strict;
  return visitTree(text, errors, options, maxDepth);
}

/** buildTree by jsonc-parser's visitor alone (exported for the test that compares it with the fast path). */
export function visitTree(text: string, errors: ParseError[], options: ParseOptions, maxDepth: number): BuiltTree {
  // artificial root, as in parseTree
  let current = new TreeNode('array', -1, -1, undefined, [], undefined);
  let depth = 0;
  let deepest = 0;
  let tokens = 0;
  let spacesInStrings = 0;
  const completeProperty = (endOffset: number): void => {
    if (current.type === 'property') {
      current.length = endOffset - current.offset;
      current = current.parent!;
    }
  };
  const add = (node: TreeNode): TreeNode => {
    current.children!.push(node);
    return node;
  };
  // a raw space always shows in the decoded value (tab and line breaks in a string are syntax errors), so
  // only strings whose value has one are counted character by character
  const countSpaces = (value: string, offset: number, length: number): void => {
    if (value.indexOf(' ') === -1) return;
    for (let i = offset; i < offset + length; i++) if (text.charCodeAt(i) === SPACE) spacesInStrings++;
  };
  const begin = (): void => {
    if (++depth > deepest) deepest = depth;
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        tokens++;
        begin();
        current = add(new TreeNode('object', offset, -1, current, [], undefined));
        // false makes jsonc-parser skip the callbacks of everything inside (it still calls this one's end)
        return depth <= maxDepth;
      },
      onObjectProperty: (name, offset, length) => {
        tokens += length;
        countSpaces(name, offset, length);
        current = add(new TreeNode('property', offset, -1, current, [], undefined));
        current.children!.push(new TreeNode('string', offset, length, current, undefined, name));
      },
      onObjectEnd: (offset, length) => {
        tokens++;
        depth--;
        completeProperty(offset + length); // a property without a value
        current.length = offset + length - current.offset;
        current = current.parent!;
        completeProperty(offset + length);
      },
      onArrayBegin: (offset) => {
        tokens++;
        begin();
        current = add(new TreeNode('array', offset, -1, current, [], undefined));
        return depth <= maxDepth;
      },
      onArrayEnd: (offset, length) => {
        tokens++;
        depth--;
        current.length = offset + length - current.offset;
        current = current.parent!;
        completeProperty(offset + length);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        tokens += length;
        if (typeof value === 'string') countSpaces(value, offset, length);
        add(new TreeNode(literalType(value), offset, length, current, undefined, value));
        completeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        tokens++;
        if (current.type !== 'property') return;
        if (separator === ':') current.colonOffset = offset;
        else if (separator === ',') completeProperty(offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    options,
  );
  const root = current.children![0];
  if (root) root.parent = undefined;
  return { root, depth: deepest, nonWhitespaceLength: tokens - spacesInStrings };
}

/** jsonc-parser's getNodeType, for a literal value. */
function literalType(value: unknown): NodeType {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'null';
  }
}
