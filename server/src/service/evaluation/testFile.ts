// Loader of policy test files (*.iamtest.json|yaml|yml, format in ../shared/spec/commands.md "test"): text ->
// a typed suite with the source range of every test and field, plus problems (syntax, unknown keys, wrong
// types, missing fields, unknown actions, bad expect values) with ranges. Pure: it reads no files; policy
// paths are returned as written and read later through a resolver (runTests.ts).

import { parseJson, properties, propertyKey, propertyKeyNode, propertyValue, type JsonNode } from '../parser/jsonTree';
import { parseYaml } from '../parser/containers/yamlTree';
import { asJsonNode } from '../parser/containers/nodes';
import type { IamCatalog } from '../knowledge/catalog';
import { LineIndex } from './lineIndex';
import type { ContextValue, PolicyKind, Range, Verdict } from './types';

export type Expectation = Verdict | 'denied';
export const EXPECTATIONS: readonly Expectation[] = ['allowed', 'denied', 'explicitly-denied', 'implicitly-denied'];

/** Where a value sits in the test file. */
export interface Loc {
  readonly offset: number;
  readonly length: number;
  readonly range: Range;
}

export interface LocatedValue<T> extends Loc {
  readonly value: T;
}

export type PolicyRef =
  /** a path relative to the test file */
  | (Loc & { readonly source: 'path'; readonly path: string })
  /** an inline policy object (its node's offsets are in the test file) */
  | (Loc & { readonly source: 'inline'; readonly node: JsonNode });

export interface PolicyRefs extends Loc {
  readonly identity?: readonly PolicyRef[];
  readonly boundary?: PolicyRef;
  readonly session?: PolicyRef;
  readonly scp?: readonly (readonly PolicyRef[])[];
  readonly rcp?: readonly (readonly PolicyRef[])[];
  readonly resource?: PolicyRef;
}

export interface ContextItem {
  readonly key: LocatedValue<string>;
  readonly value: ContextValue;
  readonly valueLoc: Loc;
}

export interface PolicyTestCase extends Loc {
  readonly index: number;
  /** the test's name, or "test N" when it has none */
  readonly name: string;
  readonly nameLoc?: Loc;
  readonly action?: LocatedValue<string>;
  readonly resource?: LocatedValue<string>;
  /** the test's own principal (else the file's) */
  readonly principal?: LocatedValue<string>;
  readonly resourceAccount?: LocatedValue<string>;
  /** the organization's management account (SCPs do not apply to its principals, RCPs not to its resources) */
  readonly managementAccount?: LocatedValue<string>;
  readonly context: readonly ContextItem[];
  readonly expect?: LocatedValue<Expectation>;
  /** policy kinds the test replaces */
  readonly policies?: PolicyRefs;
  readonly description?: string;
}

export interface PolicyTestSuite {
  readonly uri: string;
  readonly format: 'json' | 'yaml';
  readonly text: string;
  readonly policies?: PolicyRefs;
  readonly principal?: LocatedValue<string>;
  readonly resourceAccount?: LocatedValue<string>;
  readonly managementAccount?: LocatedValue<string>;
  /** context keys every test starts from (a test's own keys replace them) */
  readonly context: readonly ContextItem[];
  readonly tests: readonly PolicyTestCase[];
}

export type TestProblemCode =
  | 'TEST_SYNTAX_ERROR'
  | 'TEST_UNKNOWN_KEY'
  | 'TEST_WRONG_TYPE'
  | 'TEST_MISSING_FIELD'
  | 'TEST_UNKNOWN_ACTION'
  | 'TEST_UNKNOWN_CONTEXT_KEY'
  | 'TEST_BAD_EXPECT'
  | 'TEST_POLICY_NOT_FOUND'
  | 'TEST_POLICY_INVALID';

export interface TestProblem extends Loc {
  readonly code: TestProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface LoadedTestFile {
  readonly suite: PolicyTestSuite;
  readonly problems: readonly TestProblem[];
}

export interface LoadOptions {
  /** checks action names against the catalog (TEST_UNKNOWN_ACTION) */
  readonly catalog?: IamCatalog;
}

const TEST_FILE = /\.iamtest\.(json|ya?ml)$/i;

/** True for a policy test file name: *.iamtest.json, *.iamtest.yaml, *.iamtest.yml. */
export function isPolicyTestFile(path: string): boolean {
  return TEST_FILE.test(path);
}

export const FILE_KEYS = ['policies', 'principal', 'resourceAccount', 'managementAccount', 'context', 'tests', 'description', 'source', 'status', '$schema'] as const;
export const TEST_KEYS = ['name', 'description', 'action', 'resource', 'principal', 'resourceAccount', 'managementAccount', 'context', 'expect', 'policies', 'source', 'status', 'checklist'] as const;
/** documentation keys: accepted and ignored by the evaluation (a citation, documented/observed, checklist ids) */
const IGNORED_KEYS = new Set(['description', 'source', 'status', 'checklist', '$schema']);
export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'boundary', 'session', 'scp', 'rcp', 'resource'];

export function loadPolicyTestFile(text: string, uri: string, options: LoadOptions = {}): LoadedTestFile {
  const format: 'json' | 'yaml' = /\.json$/i.test(uri) || (!/\.ya?ml$/i.test(uri) && text.trimStart().startsWith('{')) ? 'json' : 'yaml';
  const lines = new LineIndex(text);
  const problems: TestProblem[] = [];
  const loc = (offset: number, length: number): Loc => ({ offset, length, range: lines.range(offset, length) });
  const nloc = (n: JsonNode): Loc => loc(n.offset, n.length);
  const problem = (code: TestProblemCode, n: { offset: number; length: number }, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ code, severity, message, ...loc(n.offset, Math.max(n.length, 1)) });
  };

  let root: JsonNode | undefined;
  if (format === 'json') {
    const t = parseJson(text);
    root = t.root;
    for (const e of t.syntaxErrors) problem('TEST_SYNTAX_ERROR', e, e.message);
  } else {
    const t = parseYaml(text);
    root = t.root ? asJsonNode(t.root) : undefined;
    for (const e of t.syntaxErrors) problem('TEST_SYNTAX_ERROR', e, e.message);
  }
  const empty: PolicyTestSuite = { uri, format, text, context: [], tests: [] };
  if (!root || root.type !== 'object') {
    if (root) problem('TEST_WRONG_TYPE', root, 'A policy test file is an object with "policies", "principal" and "tests".');
    else if (problems.length === 0) problem('TEST_MISSING_FIELD', { offset: 0, length: 0 }, 'The test file is empty: it needs "policies" and "tests".');
    return { suite: empty, problems };
  }

  const str = (n: JsonNode | undefined, what: string): LocatedValue<string> | undefined => {
    if (!n) return undefined;
    // YAML reads 111122223333 as a number: an account id or a name is text, so numbers are taken as written
    if (n.type === 'string' || n.type === 'number') return { value: n.type === 'number' ? text.slice(n.offset, n.offset + n.length) : (n.value as string), ...nloc(n) };
    problem('TEST_WRONG_TYPE', n, `${what} must be a string, not ${n.type === 'array' ? 'a list' : `a ${n.type}`}.`);
    return undefined;
  };

  const policyRef = (n: JsonNode, what: string): PolicyRef | undefined => {
    if (n.type === 'string') {
      const path = (n.value as string).trim();
      if (!path) {
        problem('TEST_WRONG_TYPE', n, `${what}: an empty path.`);
        return undefined;
      }
      return { source: 'path', path, ...nloc(n) };
    }
    if (n.type === 'object') return { source: 'inline', node: n, ...nloc(n) };
    problem('TEST_WRONG_TYPE', n, `${what} must be a path (relative to this file) or an inline policy object.`);
    return undefined;
  };
  const refList = (n: JsonNode, what: string): PolicyRef[] => {
    if (n.type === 'array') return (n.children ?? []).map((c) => policyRef(c, what)).filter((r): r is PolicyRef => r !== undefined);
    const one = policyRef(n, what);
    return one ? [one] : [];
  };
  const levels = (n: JsonNode, what: string): PolicyRef[][] => {
    // one list per level; a flat list of paths/objects is read as one level per entry would be surprising, so
    // a flat list is ONE level (the account's) and a single entry is one level too
    if (n.type !== 'array') return [refList(n, what)];
    const kids = n.children ?? [];
    if (kids.length > 0 && kids.every((k) => k.type === 'array')) return kids.map((k) => refList(k, what));
    if (kids.some((k) => k.type === 'array')) {
      problem('TEST_WRONG_TYPE', n, `${what}: give one list per level (root, OUs…, account), e.g. [[root.json], [ou.json], []].`);
      return kids.map((k) => refList(k, what));
    }
    return [refList(n, what)];
  };

  const readPolicies = (n: JsonNode): PolicyRefs | undefined => {
    if (n.type !== 'object') {
      problem('TEST_WRONG_TYPE', n, '"policies" must be an object with identity, boundary, session, scp, rcp and resource entries.');
      return undefined;
    }
    const out: { -readonly [K in keyof PolicyRefs]?: PolicyRefs[K] } = { ...nloc(n) };
    for (const p of properties(n)) {
      const key = propertyKey(p);
      const v = propertyValue(p);
      const keyNode = propertyKeyNode(p)!;
      if (!(POLICY_KINDS as readonly string[]).includes(key)) {
        problem('TEST_UNKNOWN_KEY', keyNode, `Unknown policy kind "${key}": expected ${POLICY_KINDS.join(', ')}.`);
        continue;
      }
      if (!v || v.type === 'null') continue;
      const what = `policies.${key}`;
      if (key === 'identity') out.identity = refList(v, what);
      else if (key === 'scp') out.scp = levels(v, what);
      else if (key === 'rcp') out.rcp = levels(v, what);
      else {
        if (v.type === 'array') {
          problem('TEST_WRONG_TYPE', v, `${what} takes one policy (a path or an inline object), not a list.`);
          continue;
        }
        const r = policyRef(v, what);
        if (r) out[key as 'boundary' | 'session' | 'resource'] = r;
      }
    }
    return out as PolicyRefs;
  };

  const readContext = (n: JsonNode): ContextItem[] => {
    if (n.type !== 'object') {
      problem('TEST_WRONG_TYPE', n, '"context" must be an object of context keys, e.g. {aws:SourceIp: 203.0.113.7}.');
      return [];
    }
    const out: ContextItem[] = [];
    for (const p of properties(n)) {
      const keyNode = propertyKeyNode(p)!;
      const v = propertyValue(p);
      const key = { value: propertyKey(p), ...nloc(keyNode) };
      checkContextKey(key);
      if (!v) continue;
      const scalar = (c: JsonNode): string | undefined => {
        if (c.type === 'string') return c.value as string;
        if (c.type === 'number') return text.slice(c.offset, c.offset + c.length);
        if (c.type === 'boolean') return String(c.value);
        problem('TEST_WRONG_TYPE', c, `Context key "${key.value}": values are strings, numbers or booleans (a list for a multivalued key).`);
        return undefined;
      };
      if (v.type === 'array') {
        const values = (v.children ?? []).map(scalar).filter((s): s is string => s !== undefined);
        out.push({ key, value: values, valueLoc: nloc(v) });
      } else {
        const s = scalar(v);
        if (s !== undefined) out.push({ key, value: s, valueLoc: nloc(v) });
      }
    }
    return out;
  };

  // a key no service defines is still a valid request key (IAM accepts any), so this is a warning: usually a typo
  const checkContextKey = (key: LocatedValue<string>): void => {
    const catalog = options.catalog;
    if (!catalog || catalog.getConditionKey(key.value)) return;
    const suggestion = catalog.closestConditionKey(key.value);
    problem('TEST_UNKNOWN_CONTEXT_KEY', key, `No AWS service defines the context key "${key.value}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`, 'warning');
  };

  const checkAction = (a: LocatedValue<string>): void => {
    const catalog = options.catalog;
    const v = a.value.trim();
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/.test(v)) {
      problem('TEST_UNKNOWN_ACTION', a, `"${a.value}" is not an action name (service:Action, e.g. s3:GetObject).`);
      return;
    }
    if (v.includes('*') || v.includes('?')) {
      problem('TEST_WRONG_TYPE', a, `A request names one action; "${a.value}" has a wildcard.`);
      return;
    }
    if (!catalog) return;
    if (catalog.getAction(v)) return;
    const prefix = v.slice(0, v.indexOf(':'));
    const known = catalog.getService(prefix.toLowerCase());
    const suggestion = catalog.closestAction(v);
    problem('TEST_UNKNOWN_ACTION', a, `${known ? `Unknown action "${a.value}" in service "${prefix}"` : `Unknown service "${prefix}" in "${a.value}"`}${suggestion ? `: did you mean "${suggestion}"?` : '.'}`, 'warning');
  };

  let policies: PolicyRefs | undefined;
  let principal: LocatedValue<string> | undefined;
  let resourceAccount: LocatedValue<string> | undefined;
  let managementAccount: LocatedValue<string> | undefined;
  let context: ContextItem[] = [];
  const tests: PolicyTestCase[] = [];
  let testsNode: JsonNode | undefined;
  for (const p of properties(root)) {
    const key = propertyKey(p);
    const v = propertyValue(p);
    const keyNode = propertyKeyNode(p)!;
    if (!v) continue;
    switch (key) {
      case 'policies':
        policies = readPolicies(v);
        break;
      case 'principal':
        principal = str(v, '"principal"');
        break;
      case 'resourceAccount':
        resourceAccount = str(v, '"resourceAccount"');
        break;
      case 'managementAccount':
        managementAccount = str(v, '"managementAccount"');
        break;
      case 'context':
        context = readContext(v);
        break;
      case 'tests':
        testsNode = v;
        break;
      default:
        if (IGNORED_KEYS.has(key) && key !== 'checklist') break;
        problem('TEST_UNKNOWN_KEY', keyNode, `Unknown key "${key}" in a policy test file: expected ${FILE_KEYS.filter((k) => k !== '$schema').join(', ')}.`);
    }
  }
  if (!testsNode) problem('TEST_MISSING_FIELD', root.children?.length ? (propertyKeyNode(root.children[0]!) ?? root) : root, 'The test file has no "tests" list.');
  else if (testsNode.type !== 'array') problem('TEST_WRONG_TYPE', testsNode, '"tests" must be a list of tests.');
  else {
    (testsNode.children ?? []).forEach((t, index) => {
      if (t.type !== 'object') {
        problem('TEST_WRONG_TYPE', t, 'Each test is an object with name, action, resource and expect.');
        return;
      }
      const fields: Record<string, unknown> = {};
      let name: LocatedValue<string> | undefined;
      for (const p of properties(t)) {
        const key = propertyKey(p);
        const v = propertyValue(p);
        const keyNode = propertyKeyNode(p)!;
        if (!v) continue;
        switch (key) {
          case 'name':
            name = str(v, '"name"');
            break;
          case 'description':
            fields['description'] = str(v, '"description"')?.value;
            break;
          case 'action': {
            const a = str(v, '"action"');
            if (a) {
              checkAction(a);
              fields['action'] = a;
            }
            break;
          }
          case 'resource':
          case 'principal':
          case 'managementAccount':
          case 'resourceAccount': {
            const s = str(v, `"${key}"`);
            if (s) fields[key] = s;
            break;
          }
          case 'context':
            fields['context'] = readContext(v);
            break;
          case 'expect': {
            const e = str(v, '"expect"');
            if (e) {
              if ((EXPECTATIONS as readonly string[]).includes(e.value)) fields['expect'] = e;
              else problem('TEST_BAD_EXPECT', e, `"expect" must be one of ${EXPECTATIONS.join(', ')}, got "${e.value}".`);
            }
            break;
          }
          case 'policies':
            fields['policies'] = readPolicies(v);
            break;
          default:
            if (IGNORED_KEYS.has(key)) break;
            problem('TEST_UNKNOWN_KEY', keyNode, `Unknown key "${key}" in a test: expected ${TEST_KEYS.join(', ')}.`);
        }
      }
      const at = nloc(t);
      const testName = name?.value ?? `test ${index + 1}`;
      const written = new Set(properties(t).map(propertyKey));
      const missing = (['action', 'resource', 'expect'] as const).filter((k) => !written.has(k));
      for (const k of missing) problem('TEST_MISSING_FIELD', name ?? { offset: t.offset, length: 1 }, `Test "${testName}" has no "${k}".`);
      if (!fields['principal'] && !principal) problem('TEST_MISSING_FIELD', name ?? { offset: t.offset, length: 1 }, `Test "${testName}" has no "principal" and the file gives none.`);
      tests.push({
        index,
        name: testName,
        ...(name ? { nameLoc: { offset: name.offset, length: name.length, range: name.range } } : {}),
        ...at,
        context: (fields['context'] as ContextItem[] | undefined) ?? [],
        ...(fields['action'] ? { action: fields['action'] as LocatedValue<string> } : {}),
        ...(fields['resource'] ? { resource: fields['resource'] as LocatedValue<string> } : {}),
        ...(fields['principal'] ? { principal: fields['principal'] as LocatedValue<string> } : {}),
        ...(fields['resourceAccount'] ? { resourceAccount: fields['resourceAccount'] as LocatedValue<string> } : {}),
        ...(fields['managementAccount'] ? { managementAccount: fields['managementAccount'] as LocatedValue<string> } : {}),
        ...(fields['expect'] ? { expect: fields['expect'] as LocatedValue<Expectation> } : {}),
        ...(fields['policies'] ? { policies: fields['policies'] as PolicyRefs } : {}),
        ...(typeof fields['description'] === 'string' ? { description: fields['description'] } : {}),
      });
    });
  }
  if (!policies) {
    // tests may carry all their policies themselves; only a test with none at all is incomplete
    for (const t of tests) if (!t.policies) problem('TEST_MISSING_FIELD', t.nameLoc ?? { offset: t.offset, length: 1 }, `Test "${t.name}" has no "policies" and the file gives none.`);
  }
  const suite: PolicyTestSuite = {
    uri,
    format,
    text,
    ...(policies ? { policies } : {}),
    ...(principal ? { principal } : {}),
    ...(resourceAccount ? { resourceAccount } : {}),
    ...(managementAccount ? { managementAccount } : {}),
    context,
    tests,
  };
  return { suite, problems: problems.sort((a, b) => a.offset - b.offset) };
}

/** Every policy path the suite references (file level and per test), as written, each once. */
export function referencedPolicyPaths(suite: PolicyTestSuite): string[] {
  const out = new Set<string>();
  const add = (refs: PolicyRefs | undefined): void => {
    if (!refs) return;
    const one = (r: PolicyRef | undefined): void => {
      if (r?.source === 'path') out.add(r.path);
    };
    refs.identity?.forEach(one);
    one(refs.boundary);
    one(refs.session);
    refs.scp?.forEach((l) => l.forEach(one));
    refs.rcp?.forEach((l) => l.forEach(one));
    one(refs.resource);
  };
  add(suite.policies);
  for (const t of suite.tests) add(t.policies);
  return [...out];
}
