// Public API of the IAM evaluation engine (see /work/coord/engine-api.md and AGENTS.md "evaluation/").
// Rules, features, the CLI, the diff and the generator import from here, never from the modules directly.

export type { Verdict, PolicyKind, Position, Range, EvalPolicy, PolicySet, ContextValue, EvalRequest, StatementRef, Mismatch, MismatchElement, StatementTrace, EvaluationResult } from './types';
export { VERDICTS } from './types';
export { evaluate, type EvaluateOptions } from './evaluate';
export { evalPolicy, policyFromText, type PolicyFromText } from './policyInput';
export { parseCaller, type CallerInfo, type CallerType } from './principal';
export {
  loadPolicyTestFile,
  isPolicyTestFile,
  referencedPolicyPaths,
  EXPECTATIONS,
  FILE_KEYS,
  TEST_KEYS,
  POLICY_KINDS,
  type Expectation,
  type Loc,
  type LocatedValue,
  type PolicyRef,
  type PolicyRefs,
  type ContextItem,
  type PolicyTestCase,
  type PolicyTestSuite,
  type TestProblem,
  type TestProblemCode,
  type LoadedTestFile,
  type LoadOptions,
} from './testFile';
export { runPolicyTests, matchesExpectation, type PolicyResolver, type TestResult, type TestRun, type RunOptions } from './runTests';
export { unconditionalDenies, type UnconditionalDenies } from './reachability';
