// The keys of a policy test file (`*.iamtest.yaml` / `*.iamtest.json`, shared/spec/commands.md "test") as the
// editor explains and completes them: where each key may appear, what value it takes, one line of help.
// The engine's loader is what reads the file for evaluation; this table only drives completion, hover and
// the editor's own checks; keysFor offers only the keys the loader accepts (a unit test checks that every
// loader key is documented here).

import { FILE_KEYS as LOADER_FILE_KEYS, TEST_KEYS as LOADER_TEST_KEYS } from '../../evaluation/testFile';

export type ValueKind = 'policyList' | 'policyLevels' | 'policy' | 'principal' | 'tests' | 'string' | 'action' | 'resource' | 'context' | 'expect' | 'account' | 'object' | 'any';

export interface KeyInfo {
  readonly key: string;
  readonly value: ValueKind;
  readonly doc: string;
}

export const EXPECT_VALUES: ReadonlyArray<readonly [string, string]> = [
  ['allowed', 'The request is allowed.'],
  ['denied', 'The request is denied, explicitly or implicitly.'],
  ['explicitly-denied', 'A Deny statement matches the request.'],
  ['implicitly-denied', 'No Deny matches, and some policy that must allow it does not.'],
];

export const POLICY_KIND_KEYS: readonly KeyInfo[] = [
  { key: 'identity', value: 'policyList', doc: 'Identity-based policies of the principal: one path (relative to this file) or inline policy, or a list of them.' },
  { key: 'boundary', value: 'policy', doc: 'The permissions boundary: the effective permissions are what both the identity policies and the boundary allow.' },
  { key: 'session', value: 'policy', doc: 'A session policy (passed when the role session was created): it limits the session like a boundary.' },
  { key: 'scp', value: 'policyLevels', doc: 'Service control policies, one list per level (root, OUs…, account). Omitted: FullAWSAccess at every level. An empty level denies everything.' },
  { key: 'rcp', value: 'policyLevels', doc: 'Resource control policies, one list per level. RCPFullAWSAccess is always implied, so RCPs can only deny.' },
  { key: 'resource', value: 'policy', doc: 'The resource-based policy of the requested resource (bucket policy, role trust policy, key policy…).' },
];

/** Keys the conformance suite adds (accepted and ignored by the loader). */
const ANNOTATION_KEYS: readonly KeyInfo[] = [
  { key: 'source', value: 'object', doc: 'Where the expected outcome comes from: `{url, quote}` (the AWS page and the sentence or table row).' },
  { key: 'status', value: 'string', doc: '`documented` (the AWS documentation states it) or `observed` (behaviour the documentation does not settle).' },
];

export const FILE_KEYS: readonly KeyInfo[] = [
  { key: 'policies', value: 'object', doc: 'The policy set every test below is evaluated against, by kind: `identity`, `boundary`, `session`, `scp`, `rcp`, `resource`.' },
  { key: 'principal', value: 'principal', doc: 'The default principal of the tests: an IAM user, role, assumed-role session, federated user or account ARN, a service principal, or `anonymous`.' },
  { key: 'resourceAccount', value: 'account', doc: 'The account that owns the resources (default: from the resource ARN, else the principal\'s account).' },
  { key: 'managementAccount', value: 'account', doc: 'The organization\'s management account: SCPs do not apply to its principals, RCPs not to its resources.' },
  { key: 'context', value: 'context', doc: 'Context keys every test starts from; a test\'s own `context` keys replace them.' },
  { key: 'tests', value: 'tests', doc: 'The tests: each a request (action, resource, context) and the expected verdict.' },
  { key: 'description', value: 'string', doc: 'What the file tests (ignored by the runner).' },
  { key: '$schema', value: 'string', doc: 'A JSON schema for editors (ignored by the runner).' },
  ...ANNOTATION_KEYS,
];

export const TEST_KEYS: readonly KeyInfo[] = [
  { key: 'name', value: 'string', doc: 'The test\'s name, shown in reports and in the editor.' },
  { key: 'description', value: 'string', doc: 'What the test shows (ignored by the runner).' },
  { key: 'action', value: 'action', doc: 'The requested action, `service:Action` (one action, no wildcards).' },
  { key: 'resource', value: 'resource', doc: 'The requested resource ARN (`*` for actions without a resource).' },
  { key: 'principal', value: 'principal', doc: 'Overrides the file\'s principal for this test.' },
  { key: 'resourceAccount', value: 'account', doc: 'The account that owns the resource (default: from the ARN, else the principal\'s account).' },
  { key: 'managementAccount', value: 'account', doc: 'Overrides the file\'s management account for this test.' },
  { key: 'context', value: 'context', doc: 'Request context keys (case-insensitive). A list is a multivalued key. Keys left out are absent from the request, never guessed.' },
  { key: 'expect', value: 'expect', doc: 'The expected verdict: `allowed`, `denied` (either kind), `explicitly-denied` or `implicitly-denied`.' },
  { key: 'policies', value: 'object', doc: 'Policies of this test only: each kind given here replaces the file-level entry of the same kind.' },
  { key: 'checklist', value: 'any', doc: 'Checklist items the test covers (ignored by the runner).' },
  ...ANNOTATION_KEYS,
];

const ACCEPTED_FILE_KEYS = FILE_KEYS.filter((k) => (LOADER_FILE_KEYS as readonly string[]).includes(k.key));
const ACCEPTED_TEST_KEYS = TEST_KEYS.filter((k) => (LOADER_TEST_KEYS as readonly string[]).includes(k.key));

export function keysFor(path: readonly (string | number)[]): readonly KeyInfo[] | undefined {
  if (path.length === 0) return ACCEPTED_FILE_KEYS;
  if (path.length === 1 && path[0] === 'context') return undefined;
  if (path.length === 1 && path[0] === 'policies') return POLICY_KIND_KEYS;
  if (path.length === 2 && path[0] === 'tests' && typeof path[1] === 'number') return ACCEPTED_TEST_KEYS;
  if (path.length === 3 && path[0] === 'tests' && path[2] === 'policies') return POLICY_KIND_KEYS;
  return undefined;
}

/** The key info of the property at `path` (its last element is the key). */
export function keyInfoAt(path: readonly (string | number)[]): KeyInfo | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  return keysFor(path.slice(0, -1))?.find((k) => k.key === key);
}

export function isTestFileName(uriOrPath: string): boolean {
  const lower = uriOrPath.toLowerCase();
  return lower.endsWith('.iamtest.yaml') || lower.endsWith('.iamtest.yml') || lower.endsWith('.iamtest.json');
}
