// Expands every snippet of snippets/iam-policy.code-snippets with realistic example values and runs the result
// through our own checker (every rule, the policy type the snippet declares): a template we ship must give
// no warning and no error. Also checks the snippet file's shape (prefixes, descriptions, tab stops).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, POLICY_TYPES, type PolicyType } from '../../../server/src/service';
import { REPO_ROOT, testCatalog } from '../../support/catalog';

interface Snippet {
  readonly prefix: string | string[];
  readonly description: string;
  readonly body: string | string[];
}

const SNIPPETS = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', 'iam-policy.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** What a user would type over each placeholder (keyed by the placeholder's default text). */
const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  'account-id': '111122223333',
  'other-account-id': '444455556666',
  region: 'us-east-1',
  'second-region': 'eu-west-1',
  'bucket-name': 'amzn-s3-demo-bucket',
  prefix: 'reports/2024',
  'table-name': 'Orders',
  'function-name': 'order-processor',
  'secret-name': 'prod/orders/db-password',
  'key-id': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'tag-key': 'Team',
  'tag-value': 'payments',
  'service-principal': 'states.amazonaws.com',
  'source-arn': 'arn:aws:states:us-east-1:111122223333:stateMachine:order-workflow',
  'other-role-name': 'DeploymentRole',
  'external-id': 'a1b2c3d4-example-external-id',
  'github-org': 'octo-org',
  'github-repo': 'octo-repo',
  branch: 'main',
  'break-glass-role': 'BreakGlassAdmin',
  'delegated-path': 'app-team',
  'boundary-policy-name': 'AppTeamBoundary',
  'role-name': 'order-processor-role',
  'queue-name': 'orders-queue',
};

/**
 * Expands VS Code snippet syntax: $N, ${N}, ${N:default}, ${N|a,b|} (first choice), \$ \} \\ escapes.
 * Mirrors (same N) take the value of the first occurrence; a placeholder default is replaced by its example.
 * Returns the text and the placeholders met, so the test can check they are consistent.
 */
function expandSnippet(body: string, values: Readonly<Record<string, string>>): { text: string; placeholders: Map<number, string> } {
  const placeholders = new Map<number, string>();
  const valueOf = (n: number, def: string | undefined): string => {
    if (def !== undefined) {
      const known = placeholders.get(n);
      assert.ok(known === undefined || known === def, `tab stop $${n} has two different defaults: "${known}" and "${def}"`);
      placeholders.set(n, def);
    }
    if (n === 0) return '';
    const d = def ?? placeholders.get(n);
    assert.ok(d !== undefined, `tab stop $${n} is used before its default is given`);
    return values[d] ?? d;
  };
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
      out += body[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const simple = /^\$(\d+)/.exec(body.slice(i));
    if (simple) {
      out += valueOf(Number(simple[1]), undefined);
      i += simple[0].length;
      continue;
    }
    const braced = /^\$\{(\d+)(?::([^{}$\\]*)|\|([^|{}$\\]*)\|)?\}/.exec(body.slice(i));
    assert.ok(braced, `unsupported snippet syntax at "${body.slice(i, i + 30)}" (nested placeholders and variables are not used in our snippets; escape a literal $ as \\$)`);
    const n = Number(braced[1]);
    if (braced[3] !== undefined) {
      const choices = braced[3].split(',');
      const known = placeholders.get(n);
      assert.ok(known === undefined || known === choices[0], `choice tab stop $${n} conflicts with "${known}"`);
      placeholders.set(n, choices[0]!);
      out += choices[0];
    } else {
      out += valueOf(n, braced[2]);
    }
    i += braced[0].length;
  }
  return { text: out, placeholders };
}

function policyTypeOf(s: Snippet): PolicyType {
  const m = /\(policy type: ([a-z]+)\)$/.exec(s.description);
  assert.ok(m, `description must end with "(policy type: <type>)": ${s.description}`);
  assert.ok((POLICY_TYPES as readonly string[]).includes(m[1]!), `unknown policy type ${m[1]}`);
  return m[1] as PolicyType;
}

/**
 * Info findings accepted on a snippet, each with the reason. Empty: no info finding is accepted today; add an
 * entry only with a justification a security reviewer would sign.
 */
const ACCEPTED_INFO: Readonly<Record<string, readonly string[]>> = {
  // The role of a Lambda function or container reads its secret: a workload cannot present MFA and its source
  // network is AWS's, so the MFA-or-network suggestion cannot be followed; the grant is one secret ARN.
  'IAM: Secrets Manager read of one secret': ['SENSITIVE_ACTION_WITHOUT_CONDITION'],
};

const service = createIamLanguageService({ catalog: testCatalog(), rethrow: true });

test('the snippet file offers at least 15 templates, each with a unique iam- prefix', () => {
  const names = Object.keys(SNIPPETS);
  assert.ok(names.length >= 15, `only ${names.length} snippets`);
  const prefixes = names.flatMap((n) => [SNIPPETS[n]!.prefix].flat());
  assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
  for (const p of prefixes) assert.match(p, /^iam-[a-z0-9-]+$/);
});

for (const [name, snippet] of Object.entries(SNIPPETS)) {
  test(`snippet "${name}" expands to a policy our checker accepts`, () => {
    const body = [snippet.body].flat().join('\n');
    const { text, placeholders } = expandSnippet(body, EXAMPLE_VALUES);
    assert.ok(body.endsWith('$0'), 'a final tab stop $0 ends the snippet');
    for (const [n, def] of placeholders) {
      if (n === 0 || body.includes(`\${${n}|`)) continue;
      assert.ok(def in EXAMPLE_VALUES, `placeholder \${${n}:${def}} has no example value in this test`);
    }
    assert.doesNotThrow(() => JSON.parse(text), 'expanded snippet is valid JSON');
    const policyType = policyTypeOf(snippet);
    const doc = TextDocument.create('file:///snippet.json', 'json', 1, text);
    const parsed = service.parse(doc, { policyType });
    assert.ok(parsed.isPolicy, 'expanded snippet is a policy');
    const findings = service.findings(parsed);
    const accepted = ACCEPTED_INFO[name] ?? [];
    const unexpected = findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || ((f.severity === 'info') && !accepted.includes(f.code)));
    assert.deepEqual(
      unexpected.map((f) => `${f.severity} ${f.code} at "${text.slice(f.span.offset, f.span.offset + f.span.length)}": ${f.message}`),
      [],
      `policy:\n${text}`,
    );
  });
}

test('the expander substitutes mirrors, choices and escapes', () => {
  const r = expandSnippet('${1|aws,aws-cn|}:${2:region}:$2:\\${aws:username}$0', { region: 'us-east-1' });
  assert.equal(r.text, 'aws:us-east-1:us-east-1:${aws:username}');
  assert.throws(() => expandSnippet('${1:a}${1:b}', {}), /two different defaults/);
});
