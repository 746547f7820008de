// More documents that hold IAM policies (issue 20), each read into ordinary PolicyDocuments with true spans:
// - `aws iam get-account-authorization-details` output: every user's, group's and role's inline policies, role
//   trust policies and every version of the customer managed policies, labelled by principal;
// - Terraform plan/state JSON (`terraform show -json`): policy attributes are JSON *strings*, decoded with an
//   offset map so findings point into the plan file, labelled by resource address (modules, for_each and
//   templatefile are resolved there, which the .tf reader cannot do);
// - Serverless Framework `serverless.yml`: provider.iam.role.statements, provider.iamRoleStatements and
//   per-function iamRoleStatements (serverless-iam-roles-per-function), as identity policies.
// Pure: no I/O. Detection is by content (the names of these files say nothing).

import { parseJson, properties, propertyKey, propertyValue, type JsonNode, type SyntaxProblem } from '../jsonTree';
import { buildPolicy } from '../buildPolicy';
import type { PolicyDocument, PolicyType } from '../policyModel';
import { policyTypeFromContent } from '../policyType';
import { asJsonNode, type MutableNode } from './nodes';
import { resolveIntrinsics } from './resolveIntrinsics';
import { templateFor } from './templateValue';
import { WILDCARD_KEYS } from './hclNodes';
import { ATTRIBUTE_TYPES } from './terraform';

const child = (node: JsonNode | undefined, key: string): JsonNode | undefined => {
  const p = properties(node).find((x) => propertyKey(x) === key);
  return p ? propertyValue(p) : undefined;
};
const items = (node: JsonNode | undefined): JsonNode[] => (node?.type === 'array' ? (node.children ?? []) : []);
const str = (node: JsonNode | undefined): string | undefined => (node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined);
const hasStatement = (node: JsonNode | undefined): boolean => properties(node).some((p) => propertyKey(p) === 'Statement');

function policy(node: JsonNode | undefined, label: string, type: PolicyType | undefined, out: PolicyDocument[]): void {
  if (node?.type !== 'object' || !hasStatement(node)) return;
  out.push(buildPolicy(node, { policyType: type ?? policyTypeFromContent(node), policyTypeSource: 'container', label }));
}

// ---- aws iam get-account-authorization-details ----------------------------------------------------------------

export function isAuthorizationDetails(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const keys = new Set(properties(root).map(propertyKey));
  return ['UserDetailList', 'GroupDetailList', 'RoleDetailList'].some((k) => keys.has(k)) || (keys.has('Policies') && items(child(root, 'Policies')).some((p) => child(p, 'PolicyVersionList') !== undefined));
}

export function findAuthorizationDetailsPolicies(root: JsonNode): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  const inline = (list: JsonNode | undefined, principal: string): void => {
    for (const p of items(list)) policy(child(p, 'PolicyDocument'), `${principal}: inline policy ${str(child(p, 'PolicyName')) ?? '?'}`, 'identity', out);
  };
  for (const u of items(child(root, 'UserDetailList'))) inline(child(u, 'UserPolicyList'), `user/${str(child(u, 'UserName')) ?? '?'}`);
  for (const g of items(child(root, 'GroupDetailList'))) inline(child(g, 'GroupPolicyList'), `group/${str(child(g, 'GroupName')) ?? '?'}`);
  for (const r of items(child(root, 'RoleDetailList'))) {
    const name = `role/${str(child(r, 'RoleName')) ?? '?'}`;
    policy(child(r, 'AssumeRolePolicyDocument'), `${name}: trust policy`, 'trust', out);
    inline(child(r, 'RolePolicyList'), name);
  }
  for (const p of items(child(root, 'Policies'))) {
    const name = `policy/${str(child(p, 'PolicyName')) ?? '?'}`;
    for (const v of items(child(p, 'PolicyVersionList'))) {
      const id = str(child(v, 'VersionId')) ?? '?';
      const isDefault = child(v, 'IsDefaultVersion')?.value === true;
      policy(child(v, 'Document'), `${name} ${id}${isDefault ? ' (default)' : ''}`, 'identity', out);
    }
  }
  return out;
}

// ---- Terraform plan / state JSON --------------------------------------------------------------------------------

export function isTerraformPlan(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const keys = new Set(properties(root).map(propertyKey));
  return keys.has('format_version') && keys.has('terraform_version') && (keys.has('planned_values') || keys.has('values'));
}

/** A JSON string literal's decoded text, with the raw offset of each decoded character and the end of the last. */
function decodeWithMap(raw: string, base: number): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
  // raw includes the quotes
  for (let i = 1; i < raw.length - 1; ) {
    const start = i;
    let ch: string;
    if (raw[i] === '\\') {
      const e = raw[i + 1] ?? '';
      if (e === 'u') {
        ch = String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16) || 0);
        i += 6;
      } else {
        ch = SIMPLE[e] ?? e;
        i += 2;
      }
    } else {
      ch = raw[i]!;
      i += 1;
    }
    text += ch;
    starts.push(base + start);
    ends.push(base + i);
  }
  return { text, starts, ends };
}

function remap(node: MutableNode, starts: number[], ends: number[]): void {
  const from = starts[node.offset] ?? ends[ends.length - 1] ?? 0;
  const last = node.offset + node.length - 1;
  const to = node.length > 0 ? (ends[last] ?? from) : from;
  node.offset = from;
  node.length = to - from;
  if (node.colonOffset !== undefined) node.colonOffset = starts[node.colonOffset] ?? node.colonOffset;
  for (const c of node.children ?? []) remap(c, starts, ends);
}

/** A policy held as a JSON string (`"policy": "{\"Version\": …}"`), parsed with spans in the outer text. */
function embeddedPolicy(node: JsonNode | undefined, text: string, label: string, type: PolicyType | undefined, out: PolicyDocument[], errors: SyntaxProblem[]): void {
  const value = str(node);
  if (!node || value === undefined || !value.includes('Statement')) return;
  const { text: decoded, starts, ends } = decodeWithMap(text.slice(node.offset, node.offset + node.length), node.offset);
  const parsed = parseJson(decoded);
  for (const e of parsed.syntaxErrors) errors.push({ ...e, offset: starts[e.offset] ?? node.offset, length: Math.max(1, (ends[e.offset + e.length - 1] ?? node.offset + 1) - (starts[e.offset] ?? node.offset)) });
  if (!parsed.root) return;
  remap(parsed.root as unknown as MutableNode, starts, ends);
  policy(parsed.root, label, type, out);
}

export function findTerraformPlanPolicies(root: JsonNode, text: string, errors: SyntaxProblem[]): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  const visitModule = (module: JsonNode | undefined): void => {
    for (const r of items(child(module, 'resources'))) {
      const address = str(child(r, 'address')) ?? '?';
      const type = str(child(r, 'type')) ?? '';
      const values = child(r, 'values');
      if (type === 'aws_iam_policy_document') {
        embeddedPolicy(child(values, 'json'), text, `${address}.json`, undefined, out, errors);
        continue;
      }
      const attrs = ATTRIBUTE_TYPES[type];
      if (attrs) for (const [attr, t] of Object.entries(attrs)) embeddedPolicy(child(values, attr), text, `${address}.${attr}`, t, out, errors);
      // aws_iam_role { inline_policy { policy } } in the plan is a list of objects
      for (const [i, ip] of items(child(values, 'inline_policy')).entries()) embeddedPolicy(child(ip, 'policy'), text, `${address}.inline_policy[${i}]`, 'identity', out, errors);
      if (type === 'aws_organizations_policy') {
        const kind = str(child(values, 'type'));
        if (kind === undefined || kind === 'SERVICE_CONTROL_POLICY' || kind === 'RESOURCE_CONTROL_POLICY') {
          embeddedPolicy(child(values, 'content'), text, `${address}.content`, kind === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : 'scp', out, errors);
        }
      }
    }
    for (const m of items(child(module, 'child_modules'))) visitModule(m);
  };
  visitModule(child(child(root, 'planned_values'), 'root_module'));
  visitModule(child(child(root, 'values'), 'root_module'));
  return out;
}

// ---- Serverless Framework -----------------------------------------------------------------------------------

export function isServerless(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const keys = new Set(properties(root).map(propertyKey));
  return keys.has('service') && keys.has('provider') && (str(child(child(root, 'provider'), 'name')) === 'aws' || keys.has('functions'));
}

/**
 * A synthetic `{"Version": "2012-10-17", "Statement": [...]}` policy around a statement list, as the framework
 * generates it (Version included); the synthetic nodes span the list, the list keeps its own spans and parent.
 */
function statementsPolicy(list: JsonNode | undefined, label: string, out: PolicyDocument[]): void {
  if (list?.type !== 'array' || items(list).length === 0) return;
  const at = (type: 'string', value: string): MutableNode => ({ type, value, offset: list.offset, length: list.length });
  const version: MutableNode = { type: 'property', offset: list.offset, length: list.length, children: [at('string', 'Version'), at('string', '2012-10-17')] };
  const key = at('string', 'Statement');
  const statement = { type: 'property', offset: list.offset, length: list.length, children: [key, list] } as unknown as MutableNode;
  const root: MutableNode = { type: 'object', offset: list.offset, length: list.length, children: [version, statement] };
  for (const c of version.children!) c.parent = version;
  key.parent = statement;
  version.parent = root;
  statement.parent = root;
  // CloudFormation intrinsics (!GetAtt Table.Arn) are allowed there too; then the framework's own variables
  const resolved = resolveIntrinsics(root as unknown as JsonNode, 'then');
  if (!resolved) return;
  applyServerlessVariables(resolved, false);
  policy(asJsonNode(resolved), label, 'identity', out);
}

/** Sources the framework resolves before deploying (`${self:custom.x}`, `${sls:stage}`, `${aws:region}`…). */
const SERVERLESS_VARIABLE = /^(self|sls|opt|env|cf|cf\.[a-z0-9-]+|s3|ssm|param|aws:region$|aws:accountId$|file\(|strToBool\(|git)/;

/** `${…}` of the framework: unknown parts (`*` where IAM reads wildcards); IAM variables (`${aws:username}`) stay. */
function substituteServerless(text: string): { value: string; unknown: number } {
  let unknown = 0;
  const value = text.replace(/\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g, (whole, inner: string) => {
    if (!SERVERLESS_VARIABLE.test(inner.trim())) return whole;
    unknown++;
    return '*';
  });
  return { value, unknown };
}

function applyServerlessVariables(node: MutableNode, slot: boolean): void {
  if (node.type === 'string') {
    if ((node as { template?: unknown }).template !== undefined || typeof node.value !== 'string' || !node.value.includes('${')) return;
    const raw = node.value;
    const sub = substituteServerless(raw);
    if (sub.unknown === 0) return;
    const t = templateFor(sub.value, sub.unknown, slot, 'serverless variable', raw);
    node.value = t.value;
    node.template = t.template;
    return;
  }
  if (node.type === 'property') {
    const value = node.children?.[1];
    if (value) applyServerlessVariables(value, WILDCARD_KEYS.has(String(node.children?.[0]?.value)));
    return;
  }
  for (const c of node.children ?? []) applyServerlessVariables(c, slot);
}

export function findServerlessPolicies(root: JsonNode): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  const provider = child(root, 'provider');
  statementsPolicy(child(child(child(provider, 'iam'), 'role'), 'statements'), 'provider.iam.role.statements', out);
  statementsPolicy(child(provider, 'iamRoleStatements'), 'provider.iamRoleStatements', out);
  for (const fn of properties(child(root, 'functions'))) {
    const name = propertyKey(fn);
    const value = propertyValue(fn);
    statementsPolicy(child(value, 'iamRoleStatements'), `functions.${name}.iamRoleStatements`, out);
    statementsPolicy(child(child(child(value, 'iam'), 'role'), 'statements'), `functions.${name}.iam.role.statements`, out);
  }
  return out;
}
