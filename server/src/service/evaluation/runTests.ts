// Runs a loaded policy test file: resolves its policy references (paths through the caller's resolver, inline
// objects from the test file's own tree), evaluates every test and compares the verdict with `expect`.
// Pure: the resolver does the reading (the CLI reads files, the editor its open documents).

import { buildPolicy } from '../parser/buildPolicy';
import type { IamCatalog } from '../knowledge/catalog';
import { evaluate } from './evaluate';
import { parserTypeFor, policyFromText } from './policyInput';
import type { ContextItem, Expectation, LoadedTestFile, PolicyRef, PolicyRefs, PolicyTestCase, TestProblem } from './testFile';
import type { ContextValue, EvalPolicy, EvaluationResult, PolicyKind, PolicySet, Verdict } from './types';

/** Reads a policy path as written in the test file (relative to it). */
export type PolicyResolver = (path: string) => { readonly text: string } | { readonly error: string };

export interface TestResult {
  readonly test: PolicyTestCase;
  readonly name: string;
  readonly verdict?: Verdict;
  readonly expect?: Expectation;
  readonly pass: boolean;
  readonly evaluation?: EvaluationResult;
  /** why the test could not run (a missing field, an unreadable policy) */
  readonly error?: string;
}

export interface TestRun {
  readonly results: readonly TestResult[];
  /** loader problems plus policy references that could not be read */
  readonly problems: readonly TestProblem[];
}

export interface RunOptions {
  readonly catalog?: IamCatalog;
}

/** "denied" accepts either kind of deny. */
export function matchesExpectation(verdict: Verdict, expect: Expectation): boolean {
  return expect === 'denied' ? verdict !== 'allowed' : verdict === expect;
}

export function runPolicyTests(loaded: LoadedTestFile, resolver: PolicyResolver, options: RunOptions = {}): TestRun {
  const { suite } = loaded;
  const problems: TestProblem[] = [...loaded.problems];
  const byPath = new Map<string, EvalPolicy | string>();
  const reported = new Set<number>();

  const resolve = (ref: PolicyRef, kind: PolicyKind): EvalPolicy | string => {
    if (ref.source === 'inline') {
      const doc = buildPolicy(ref.node, { policyType: parserTypeFor(kind), policyTypeSource: 'setting' });
      return { name: `inline ${kind} policy (line ${ref.range.start.line + 1})`, text: suite.text, doc, file: suite.uri };
    }
    let hit = byPath.get(ref.path);
    if (hit === undefined) {
      const r = resolver(ref.path);
      if ('error' in r) hit = `${ref.path}: ${r.error}`;
      else {
        const p = policyFromText(ref.path, r.text, kind);
        hit = p.policy ?? `${ref.path}: ${p.error}`;
      }
      byPath.set(ref.path, hit);
    }
    if (typeof hit === 'string' && !reported.has(ref.offset)) {
      reported.add(ref.offset);
      const notFound = /no such file|not found|ENOENT|cannot read/i.test(hit);
      problems.push({ code: notFound ? 'TEST_POLICY_NOT_FOUND' : 'TEST_POLICY_INVALID', severity: 'error', message: `Policy file cannot be used: ${hit.replace(/\.$/, '')}.`, offset: ref.offset, length: ref.length, range: ref.range });
    }
    return hit;
  };

  const results: TestResult[] = suite.tests.map((test) => {
    const base = { test, name: test.name, ...(test.expect ? { expect: test.expect.value } : {}) };
    const principal = test.principal?.value ?? suite.principal?.value;
    if (!test.action || !test.resource || !principal) {
      const what = !test.action ? 'action' : !test.resource ? 'resource' : 'principal';
      return { ...base, pass: false, error: `The test has no ${what}.` };
    }
    const refs = mergeRefs(suite.policies, test.policies);
    const errors: string[] = [];
    const one = (r: PolicyRef | undefined, kind: PolicyKind): EvalPolicy | undefined => {
      if (!r) return undefined;
      const p = resolve(r, kind);
      if (typeof p === 'string') {
        errors.push(p);
        return undefined;
      }
      return p;
    };
    const many = (rs: readonly PolicyRef[] | undefined, kind: PolicyKind): EvalPolicy[] => (rs ?? []).map((r) => one(r, kind)).filter((p): p is EvalPolicy => p !== undefined);
    const set: { -readonly [K in keyof PolicySet]: PolicySet[K] } = {};
    if (refs.identity) set.identity = many(refs.identity, 'identity');
    const boundary = one(refs.boundary, 'boundary');
    if (boundary) set.boundary = boundary;
    const session = one(refs.session, 'session');
    if (session) set.session = session;
    if (refs.scp) set.scp = refs.scp.map((l) => many(l, 'scp'));
    if (refs.rcp) set.rcp = refs.rcp.map((l) => many(l, 'rcp'));
    const resource = one(refs.resource, 'resource');
    if (resource) set.resource = resource;
    if (errors.length > 0) return { ...base, pass: false, error: errors[0]! };
    const context = mergeContext(suite.context, test.context);
    const resourceAccount = test.resourceAccount?.value ?? suite.resourceAccount?.value;
    const managementAccount = test.managementAccount?.value ?? suite.managementAccount?.value;
    const evaluation = evaluate(set, { principal, action: test.action.value, resource: test.resource.value, context, ...(resourceAccount ? { resourceAccount } : {}), ...(managementAccount ? { managementAccount } : {}) }, options.catalog ? { catalog: options.catalog } : {});
    const pass = test.expect ? matchesExpectation(evaluation.verdict, test.expect.value) : false;
    return { ...base, verdict: evaluation.verdict, pass, evaluation, ...(test.expect ? {} : { error: 'The test has no expect.' }) };
  });
  return { results, problems: problems.sort((a, b) => a.offset - b.offset) };
}

/** A test's own policy kinds replace the file's kinds of the same name. */
function mergeRefs(file: PolicyRefs | undefined, test: PolicyRefs | undefined): Partial<PolicyRefs> {
  if (!test) return file ?? {};
  const out: Record<string, unknown> = { ...(file ?? {}) };
  for (const k of ['identity', 'boundary', 'session', 'scp', 'rcp', 'resource'] as const) if (test[k] !== undefined) out[k] = test[k];
  return out as Partial<PolicyRefs>;
}

function mergeContext(file: readonly ContextItem[], test: readonly ContextItem[]): Record<string, ContextValue> {
  const out = new Map<string, [string, ContextValue]>();
  for (const c of [...file, ...test]) out.set(c.key.value.toLowerCase(), [c.key.value, c.value]);
  return Object.fromEntries([...out.values()]);
}
