// Tolerant JSON parsing on top of jsonc-parser: the syntax-error list with offsets, the tree, and the
// duplicate keys that JSON.parse would silently drop. It knows nothing about IAM.

import { printParseErrorCode, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';
import { buildTree } from './treeBuilder';

export type JsonNode = Node;

export interface SyntaxProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  /**
   * 'hcl': found by the Terraform reader outside any policy JSON (HCL_SYNTAX_ERROR, not JSON_SYNTAX_ERROR);
   * 'template': a policy slot of a template holds something that is not a policy document (POLICY_DOCUMENT_NOT_OBJECT);
   * 'string-intrinsic': an intrinsic function object inside a policy written as a string (INTRINSIC_IN_POLICY_STRING);
   * 'sam-template': a SAM Policies entry names a policy template SAM does not define (SAM_POLICY_TEMPLATE_UNKNOWN)
   * 'sam-parameter': a SAM policy template entry's parameters are missing, unknown or an ARN for a name
   *   (SAM_POLICY_TEMPLATE_PARAMETER)
   */
  readonly source?: 'hcl' | 'template' | 'string-intrinsic' | 'sam-template' | 'sam-parameter';
}

export interface DuplicateKey {
  /** the property node of the later occurrence */
  readonly property: JsonNode;
  /** the property node of the first occurrence */
  readonly first: JsonNode;
  readonly key: string;
}

export interface JsonTree {
  readonly root: JsonNode | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
  /** deepest nesting of objects and arrays, counted up to one past the `maxDepth` asked for (Infinity: too deep to parse) */
  readonly depth: number;
  /** the text's length without whitespace; only when there are no syntax errors */
  readonly nonWhitespaceLength: number | undefined;
}

const PARSE_OPTIONS: ParseOptions = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };

/** Human wording for jsonc-parser's error codes. */
const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace "}" expected',
  CloseBracketExpected: 'Closing bracket "]" expected',
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Invalid comment token',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string',
};

/**
 * Parses JSON text (comments are reported as errors: IAM accepts none) into a tree that survives errors.
 * Objects and arrays nested deeper than `maxDepth` are left empty (the caller should skip the document);
 * text nested too deep for the recursive parser at all gives no tree and one error, never a crash.
 */
export function parseJson(text: string, maxDepth = Infinity): JsonTree {
  const errors: ParseError[] = [];
  let built;
  try {
    built = buildTree(text, errors, PARSE_OPTIONS, maxDepth);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // the parser recursed past the stack: thousands of levels of nesting
    return { root: undefined, syntaxErrors: [{ offset: 0, length: Math.min(1, text.length), message: 'Objects and arrays are nested too deeply to parse.' }], depth: Infinity, nonWhitespaceLength: undefined };
  }
  const { root } = built;
  const syntaxErrors: SyntaxProblem[] = [];
  let lastOffset = -1;
  for (const e of errors) {
    // jsonc-parser reports cascades at the same offset; one message per place is enough
    if (e.offset === lastOffset) continue;
    lastOffset = e.offset;
    const code = printParseErrorCode(e.error);
    syntaxErrors.push({ offset: e.offset, length: Math.max(1, e.length), message: `${MESSAGES[code] ?? code}.` });
  }
  return { root, syntaxErrors, depth: built.depth, nonWhitespaceLength: errors.length === 0 ? built.nonWhitespaceLength : undefined };
}

/** Property nodes of an object, in source order. */
export function properties(node: JsonNode | undefined): JsonNode[] {
  if (!node || node.type !== 'object' || !node.children) return [];
  return node.children.filter((c) => c.type === 'property');
}

/** The key string of a property node. */
export function propertyKey(prop: JsonNode): string {
  const k = prop.children?.[0];
  return k && typeof k.value === 'string' ? k.value : '';
}

export function propertyKeyNode(prop: JsonNode): JsonNode | undefined {
  return prop.children?.[0];
}

export function propertyValue(prop: JsonNode): JsonNode | undefined {
  return prop.children?.[1];
}

/** Every later occurrence of a key already seen in the same object, found recursively. */
export function findDuplicateKeys(root: JsonNode | undefined): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: JsonNode[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node.children;
    if (!children) continue;
    if (node.type === 'object') {
      if (children.length > 16) findInLargeObject(children, out);
      else {
        // policy objects have a handful of keys: comparing pairs allocates nothing (a Map per object did)
        for (let i = 1; i < children.length; i++) {
          const p = children[i]!;
          if (p.type !== 'property') continue;
          const key = propertyKey(p);
          for (let j = 0; j < i; j++) {
            const q = children[j]!;
            if (q.type === 'property' && propertyKey(q) === key) {
              out.push({ property: p, first: q, key });
              break;
            }
          }
        }
      }
    }
    for (const c of children) if (c.children) stack.push(c);
  }
  return out.length > 1 ? out.sort((a, b) => a.property.offset - b.property.offset) : out;
}

function findInLargeObject(children: readonly JsonNode[], out: DuplicateKey[]): void {
  const seen = new Map<string, JsonNode>();
  for (const p of children) {
    if (p.type !== 'property') continue;
    const key = propertyKey(p);
    const first = seen.get(key);
    if (first) out.push({ property: p, first, key });
    else seen.set(key, p);
  }
}

/** JSON type name as users know it: "string", "number", "boolean", "null", "array", "object". */
export function jsonTypeName(node: JsonNode): string {
  return node.type;
}
