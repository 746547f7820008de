// Offset -> what the cursor is on in a policy (element key, Action string, Resource ARN, Condition operator /
// key / value, Principal key / value, Effect / Version value). Works on half-typed, invalid JSON: the JSON path
// comes from jsonc-parser's scanner-based getLocation, the string under the cursor from the raw text (YAML and
// Terraform containers: from the policy tree). It knows the IAM element layout but nothing of the catalog.

import { findNodeAtOffset, getLocation, getNodePath, type Node, type Segment } from 'jsonc-parser';
import type { ParsedDocument } from './parseDocument';
import type { PolicyDocument, Statement } from './policyModel';

export type CursorTarget =
  | 'topLevelKey'
  | 'statementKey'
  | 'principalKey'
  | 'conditionOperator'
  | 'conditionKey'
  | 'version'
  | 'id'
  | 'sid'
  | 'effect'
  | 'action'
  | 'resource'
  | 'principalValue'
  | 'conditionValue'
  /** a position where a whole statement object goes ("Statement": [ | ]) */
  | 'statement'
  | 'unknown';

/** The scalar token (usually a string) under or just before the cursor. Offsets are absolute. */
export interface CursorToken {
  /** offset of the opening quote (or of the literal) */
  readonly start: number;
  /** offset of the first content character (start + 1 for strings) */
  readonly contentStart: number;
  /** offset after the last content character (before the closing quote, if any) */
  readonly contentEnd: number;
  /** offset after the closing quote (= contentEnd when the string is not closed) */
  readonly end: number;
  readonly isString: boolean;
  /** false when the closing quote is missing (the user is typing) */
  readonly closed: boolean;
  /** the raw content between the quotes */
  readonly text: string;
}

export interface CursorContext {
  readonly target: CursorTarget;
  readonly offset: number;
  /** the JSON path relative to the policy root; for keys, the last segment is the key as typed so far */
  readonly path: readonly Segment[];
  /** the cursor is on (or typing) a property key */
  readonly inKey: boolean;
  /** the string/literal under the cursor; undefined at a bare position such as `[ | ]` or `{ | }` */
  readonly token: CursorToken | undefined;
  /** whether a `:` already follows the key token (completion then replaces the key only) */
  readonly colonFollows: boolean;
  readonly policy: PolicyDocument | undefined;
  readonly statement: Statement | undefined;
  /** for statement keys and values: the element name (Action, NotResource, Condition, ...) */
  readonly element: string | undefined;
  /** conditionKey / conditionValue: the operator as written */
  readonly operator: string | undefined;
  /** conditionValue: the condition key as written */
  readonly conditionKey: string | undefined;
  /** principalValue: "AWS", "Service", ... (undefined for the bare `"Principal": "*"` form) */
  readonly principalType: string | undefined;
}

export type CursorMode = 'hover' | 'complete';

/**
 * Whether editor features should act on the document: a recognised policy, or text that still reads like one
 * while a half-typed edit breaks the tree (a `"Statement":` or a policy `"Version":` somewhere).
 */
export function isPolicyLike(parsed: ParsedDocument): boolean {
  if (parsed.isPolicy) return true;
  if (parsed.root && parsed.root.type !== 'object') return false;
  return /"Statement"\s*:|"Version"\s*:\s*"20(12|08)-10-17"/.test(parsed.text);
}

/**
 * What is at `offset`. In 'hover' mode the token must contain the character at offset (the quotes count);
 * in 'complete' mode the cursor must be inside the token (after the opening quote, at or before the closing one).
 */
export function getCursorContext(parsed: ParsedDocument, offset: number, mode: CursorMode): CursorContext {
  if (!isJsonText(parsed)) return treeContext(parsed, offset, mode);
  const text = parsed.text;
  // getLocation reports the token ending at the probe offset: for hover, probe one character to the right so
  // that hovering the opening quote still counts as on the string.
  const probe = mode === 'hover' ? Math.min(offset + 1, text.length) : offset;
  const loc = getLocation(text, probe);
  const token = tokenAt(text, loc.previousNode, offset, mode);
  const inKey = token ? loc.previousNode?.type === 'property' : loc.isAtPropertyKey;
  const policy = policyAt(parsed, offset);
  // in a template, only the policies are ours: elsewhere ("Resources", "Properties") nothing is offered
  const path = parsed.container ? (policy ? insidePolicy(parsed, loc.path, policy) : undefined) : loc.path;
  if (!path) return { ...classify([], false), offset, path: [], inKey: false, token: undefined, colonFollows: false, policy: undefined, statement: undefined };
  const statement = policy?.statements.find((s) => offset >= s.node.offset && offset <= s.node.offset + s.node.length);
  const colonFollows = token !== undefined && inKey && /^\s*:/.test(text.slice(token.end, token.end + 200));
  return { ...classify(path, inKey), offset, path, inKey, token, colonFollows, policy, statement };
}

/** YAML CloudFormation templates and Terraform files are not JSON text: only their trees can be used. */
function isJsonText(parsed: ParsedDocument): boolean {
  if (parsed.container === 'terraform') return false;
  if (parsed.container === 'cloudformation') return /^\s*\{/.test(parsed.text);
  // serverless.yml is YAML; a Terraform plan holds its policies as escaped JSON strings
  if (parsed.container === 'serverless' || parsed.container === 'terraform-plan') return false;
  return true;
}

/**
 * For non-JSON containers: the scalar under the cursor found in the policies' trees (valid documents only, so
 * hover works but completion, which needs the half-typed text, gets 'unknown').
 */
function treeContext(parsed: ParsedDocument, offset: number, mode: CursorMode): CursorContext {
  const policy = policyAt(parsed, offset);
  const none: CursorContext = { ...classify([], false), offset, path: [], inKey: false, token: undefined, colonFollows: false, policy, statement: undefined };
  if (!policy || mode === 'complete') return none;
  let node: Node | undefined = policy.root;
  for (let guard = 0; node && node.children && guard < 64; guard++) {
    const child: Node | undefined = node.children.find((c) => offset >= c.offset && offset < c.offset + c.length);
    if (!child) break;
    node = child;
  }
  if (!node || node.type === 'object' || node.type === 'array' || node.type === 'property') return none;
  const path: Segment[] = [];
  let inKey = false;
  for (let n: Node = node; n !== policy.root && n.parent; n = n.parent) {
    const parent: Node = n.parent;
    if (parent.type === 'property') {
      const keyNode = parent.children?.[0];
      if (keyNode === n && n === node) inKey = true;
      path.unshift(String(keyNode?.value ?? ''));
    } else if (parent.type === 'array') {
      path.unshift(parent.children?.indexOf(n) ?? 0);
    }
  }
  const start = node.offset;
  const end = node.offset + node.length;
  const quote = parsed.text[start];
  const quoted = (quote === '"' || quote === "'") && parsed.text[end - 1] === quote && node.length >= 2;
  const contentStart = quoted ? start + 1 : start;
  const contentEnd = quoted ? end - 1 : end;
  const text = typeof node.value === 'string' ? node.value : parsed.text.slice(contentStart, contentEnd);
  const token: CursorToken = { start, contentStart, contentEnd, end, isString: node.type === 'string', closed: true, text };
  const statement = policy.statements.find((st) => offset >= st.node.offset && offset <= st.node.offset + st.node.length);
  return { ...classify(path, inKey), offset, path, inKey, token, colonFollows: inKey, policy, statement };
}

type Classified = Pick<CursorContext, 'target' | 'element' | 'operator' | 'conditionKey' | 'principalType'>;

const NONE = { element: undefined, operator: undefined, conditionKey: undefined, principalType: undefined };

function classify(path: readonly Segment[], inKey: boolean): Classified {
  const r = (target: CursorTarget, extra: Partial<Classified> = {}): Classified => ({ ...NONE, target, ...extra });
  if (path.length === 0) return r('unknown');
  if (path.length === 1) {
    if (inKey) return r('topLevelKey');
    if (path[0] === 'Version') return r('version', { element: 'Version' });
    if (path[0] === 'Id') return r('id', { element: 'Id' });
    return r('unknown');
  }
  if (path[0] !== 'Statement') return r('unknown');
  // "Statement": [ {...} ] has the index in the path; "Statement": {...} does not
  const stmtDepth = typeof path[1] === 'number' ? 2 : 1;
  if (path.length === stmtDepth) return r(inKey ? 'unknown' : 'statement');
  const rest = path.slice(stmtDepth);
  const element = typeof rest[0] === 'string' ? rest[0] : undefined;
  if (element === undefined) return r('unknown');
  if (rest.length === 1) {
    if (inKey) return r('statementKey', { element });
    switch (element) {
      case 'Sid':
        return r('sid', { element });
      case 'Effect':
        return r('effect', { element });
      case 'Action':
      case 'NotAction':
        return r('action', { element });
      case 'Resource':
      case 'NotResource':
        return r('resource', { element });
      case 'Principal':
      case 'NotPrincipal':
        return r('principalValue', { element });
      default:
        return r('unknown', { element });
    }
  }
  const second = rest[1];
  switch (element) {
    case 'Action':
    case 'NotAction':
      return rest.length === 2 && typeof second === 'number' && !inKey ? r('action', { element }) : r('unknown', { element });
    case 'Resource':
    case 'NotResource':
      return rest.length === 2 && typeof second === 'number' && !inKey ? r('resource', { element }) : r('unknown', { element });
    case 'Principal':
    case 'NotPrincipal':
      if (typeof second !== 'string') return r('unknown', { element });
      if (rest.length === 2) return inKey ? r('principalKey', { element }) : r('principalValue', { element, principalType: second });
      return rest.length === 3 && typeof rest[2] === 'number' && !inKey ? r('principalValue', { element, principalType: second }) : r('unknown', { element });
    case 'Condition': {
      if (typeof second !== 'string') return r('unknown', { element });
      if (rest.length === 2) return inKey ? r('conditionOperator', { element }) : r('unknown', { element, operator: second });
      const key = rest[2];
      if (typeof key !== 'string') return r('unknown', { element, operator: second });
      if (rest.length === 3) return inKey ? r('conditionKey', { element, operator: second }) : r('conditionValue', { element, operator: second, conditionKey: key });
      if (rest.length === 4 && typeof rest[3] === 'number' && !inKey) return r('conditionValue', { element, operator: second, conditionKey: key });
      return r('unknown', { element });
    }
    default:
      return r('unknown', { element });
  }
}

/** The token getLocation found, if the cursor is really on it (and not just after it). */
function tokenAt(text: string, node: Node | undefined, offset: number, mode: CursorMode): CursorToken | undefined {
  if (!node || (node.type !== 'string' && node.type !== 'property' && node.type !== 'number' && node.type !== 'boolean' && node.type !== 'null')) return undefined;
  const start = node.offset;
  const isString = text.charCodeAt(start) === 34; /* " */
  if (!isString) {
    const end = start + node.length;
    const inside = mode === 'hover' ? offset >= start && offset < end : offset > start && offset <= end;
    return inside ? { start, contentStart: start, contentEnd: end, end, isString, closed: true, text: text.slice(start, end) } : undefined;
  }
  const scanned = start + node.length;
  // `"s3:Get, "Resource"`: the scanner closes the string with the next key's opening quote; a word right
  // after the "closing" quote shows the string was in fact left open
  const closed =
    node.length >= 2 && text.charCodeAt(scanned - 1) === 34 && !escaped(text, scanned - 1, start + 1) && !/[\w$]/.test(text[scanned] ?? '');
  let contentEnd = closed ? scanned - 1 : scanned;
  if (!closed) {
    // An unterminated string runs to the end of the line: only the run of non-separator characters after the
    // cursor belongs to what the user is typing ("s3:Get|, ..." must not swallow the comma).
    let e = Math.max(offset, start + 1);
    while (e < contentEnd && !/[\s",\]}]/.test(text[e]!)) e++;
    contentEnd = e;
  }
  const end = closed ? scanned : contentEnd;
  const inside = mode === 'hover' ? offset >= start && offset < Math.max(end, start + 1) : offset > start && offset <= contentEnd;
  if (!inside) return undefined;
  return { start, contentStart: start + 1, contentEnd, end, isString, closed, text: text.slice(start + 1, contentEnd) };
}

/** True when the quote at `at` is escaped by an odd run of backslashes. */
function escaped(text: string, at: number, min: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= min && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

function policyAt(parsed: ParsedDocument, offset: number): PolicyDocument | undefined {
  const containing = parsed.policies.filter((p) => offset >= p.span.offset && offset <= p.span.offset + p.span.length);
  // Fn::If gives one policy per branch over the same span: prefer the variant that has a statement here
  const inside = containing.find((p) => p.statements.some((s) => offset >= s.node.offset && offset <= s.node.offset + s.node.length)) ?? containing[0];
  // a plain file is one policy even where a half-typed edit leaves the cursor outside the recovered tree
  return inside ?? (!parsed.container && parsed.policies.length === 1 ? parsed.policies[0] : undefined);
}

/** The path below an embedded policy's root, or undefined when the cursor path does not go through it. */
function insidePolicy(parsed: ParsedDocument, path: readonly Segment[], policy: PolicyDocument): readonly Segment[] | undefined {
  // template policies are resolved copies without parent links: find the original node at the same place
  const original = policy.root.parent ? policy.root : parsed.root ? findNodeAtOffset(parsed.root, policy.root.offset) : undefined;
  if (!original || original.offset !== policy.root.offset || original.type !== 'object') return undefined;
  const prefix = getNodePath(original);
  if (prefix.length > path.length || prefix.some((s, i) => s !== path[i])) return undefined;
  return path.slice(prefix.length);
}

