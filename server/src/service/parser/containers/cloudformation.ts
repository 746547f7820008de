// CloudFormation / SAM templates (JSON tree from jsonc-parser, or YAML converted by yamlTree.ts): finds every
// property that holds an IAM policy document, resolves its intrinsics (resolveIntrinsics.ts) and builds one
// PolicyDocument per Fn::If variant with the policy type the resource implies and a label "LogicalId.Path".
// A policy written as a YAML block scalar holding JSON (`PolicyDocument: |` then the JSON) is read in place; other
// JSON-in-a-string forms (escaped JSON strings, Fn::Sub of JSON) are not documents here. SAM policy templates
// (`- S3ReadPolicy: {BucketName: …}`) are expanded by samPolicyTemplates.ts into the document SAM generates.

import { parseJson, properties, propertyKey, propertyValue, type JsonNode, type SyntaxProblem } from '../jsonTree';
import { buildPolicy } from '../buildPolicy';
import type { PolicyDocument, PolicyType } from '../policyModel';
import { policyTypeFromContent } from '../policyType';
import { asJsonNode, type MutableNode } from './nodes';
import { countIfs, intrinsicOf, resolveIntrinsics, type Variant } from './resolveIntrinsics';
import { templateSymbols, type TemplateSymbols } from './cfnShapes';
import { readSamPolicyEntry } from './samPolicyTemplates';

/** Where a resource type keeps its policy documents. `[]` in a path walks every item of a list. */
interface PolicySlot {
  readonly path: readonly string[];
  /** undefined: inferred from the content (resource/identity/trust) */
  readonly type: PolicyType | undefined;
}

const IDENTITY_INLINE: PolicySlot = { path: ['Policies', '[]', 'PolicyDocument'], type: 'identity' };
const doc = (prop: string, type: PolicyType | undefined): PolicySlot => ({ path: [prop], type });

const SLOTS: Readonly<Record<string, readonly PolicySlot[]>> = {
  'AWS::IAM::Policy': [doc('PolicyDocument', 'identity')],
  'AWS::IAM::ManagedPolicy': [doc('PolicyDocument', 'identity')],
  'AWS::IAM::RolePolicy': [doc('PolicyDocument', 'identity')],
  'AWS::IAM::UserPolicy': [doc('PolicyDocument', 'identity')],
  'AWS::IAM::GroupPolicy': [doc('PolicyDocument', 'identity')],
  'AWS::IAM::Role': [doc('AssumeRolePolicyDocument', 'trust'), IDENTITY_INLINE],
  'AWS::IAM::User': [IDENTITY_INLINE],
  'AWS::IAM::Group': [IDENTITY_INLINE],
  'AWS::S3::BucketPolicy': [doc('PolicyDocument', 'resource')],
  'AWS::S3Express::BucketPolicy': [doc('PolicyDocument', 'resource')],
  'AWS::S3::AccessPoint': [doc('Policy', 'resource')],
  'AWS::SQS::QueuePolicy': [doc('PolicyDocument', 'resource')],
  'AWS::SNS::TopicPolicy': [doc('PolicyDocument', 'resource')],
  'AWS::KMS::Key': [doc('KeyPolicy', 'resource')],
  'AWS::KMS::ReplicaKey': [doc('KeyPolicy', 'resource')],
  'AWS::SecretsManager::ResourcePolicy': [doc('ResourcePolicy', 'resource')],
  'AWS::ECR::Repository': [doc('RepositoryPolicyText', 'resource')],
  'AWS::ECR::RegistryPolicy': [doc('PolicyText', 'resource')],
  'AWS::EFS::FileSystem': [doc('FileSystemPolicy', 'resource')],
  'AWS::OpenSearchService::Domain': [doc('AccessPolicies', 'resource')],
  'AWS::Elasticsearch::Domain': [doc('AccessPolicies', 'resource')],
  'AWS::Backup::BackupVault': [doc('AccessPolicy', 'resource')],
  'AWS::ApiGateway::RestApi': [doc('Policy', 'resource')],
  'AWS::CodeArtifact::Domain': [doc('PermissionsPolicyDocument', 'resource')],
  'AWS::CodeArtifact::Repository': [doc('PermissionsPolicyDocument', 'resource')],
  'AWS::DynamoDB::Table': [{ path: ['ResourcePolicy', 'PolicyDocument'], type: 'resource' }],
  'AWS::SSO::PermissionSet': [doc('InlinePolicy', 'identity')],
  'AWS::Logs::ResourcePolicy': [doc('PolicyDocument', 'resource')],
  // SAM: Policies is a managed-policy name, a policy template ({S3ReadPolicy: {...}}), an inline document, or a list
  'AWS::Serverless::Function': [{ path: ['Policies', '[sam]'], type: 'identity' }, doc('AssumeRolePolicyDocument', 'trust')],
  'AWS::Serverless::StateMachine': [{ path: ['Policies', '[sam]'], type: 'identity' }],
};

/** Organizations policies: only service and resource control policies are IAM-language documents. */
const ORGANIZATIONS_TYPES: Readonly<Record<string, PolicyType>> = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' };

/** A template: a top-level AWSTemplateFormatVersion, or Resources whose entries have `Type: AWS::…`. */
export function isCloudFormationTemplate(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const top = new Map(properties(root).map((p) => [propertyKey(p), propertyValue(p)] as const));
  if (top.has('AWSTemplateFormatVersion')) return true;
  const resources = top.get('Resources');
  return properties(resources).some((r) => {
    const type = properties(propertyValue(r)).find((p) => propertyKey(p) === 'Type');
    const v = type ? propertyValue(type)?.value : undefined;
    return typeof v === 'string' && /^(AWS|Custom|Alexa)::/.test(v);
  });
}

interface Found {
  readonly node: JsonNode;
  readonly label: string;
  readonly type: PolicyType | undefined;
  readonly resourceType: string;
  /** a SAM Policies item that is not an inline document: maybe a policy template (samPolicyTemplates.ts) */
  readonly sam?: boolean;
}

/** Every policy document of the template, one per Fn::If variant when the document holds an Fn::If. */
/** `syntaxErrors` receives JSON errors of policies pasted as JSON in YAML blocks (offsets in the template). */
export function findCloudFormationPolicies(root: JsonNode, text: string, syntaxErrors: SyntaxProblem[] = []): PolicyDocument[] {
  const found: Found[] = [];
  const resources = properties(root).find((p) => propertyKey(p) === 'Resources');
  for (const res of properties(resources ? propertyValue(resources) : undefined)) {
    const logicalId = propertyKey(res);
    const body = propertyValue(res);
    const get = (n: JsonNode | undefined, key: string): JsonNode | undefined => {
      const p = properties(n).find((q) => propertyKey(q) === key);
      return p ? propertyValue(p) : undefined;
    };
    const type = get(body, 'Type')?.value;
    const props = get(body, 'Properties');
    if (typeof type !== 'string' || !props) continue;
    if (type === 'AWS::Organizations::Policy') {
      const orgType = get(props, 'Type')?.value;
      const policyType = typeof orgType === 'string' ? ORGANIZATIONS_TYPES[orgType] : undefined;
      const content = get(props, 'Content');
      if (policyType && content) found.push({ node: content, label: `${logicalId}.Content`, type: policyType, resourceType: type });
      continue;
    }
    for (const slot of SLOTS[type] ?? []) walkSlot(props, slot.path, logicalId, slot.type, type, found);
  }
  const policies: PolicyDocument[] = [];
  const symbols = templateSymbols(root);
  for (const f of found) {
    if (f.sam) {
      policies.push(...samTemplatePolicies(f, syntaxErrors, symbols));
      continue;
    }
    // CloudFormation rejects a policy document given as a list ("- Version: …"): the policy is never deployed,
    // and nothing inside it would be checked, so it is reported (POLICY_DOCUMENT_NOT_OBJECT) instead of skipped
    if (f.node.type === 'array') {
      syntaxErrors.push({ offset: f.node.offset, length: Math.min(f.node.length, 1), message: `"${f.label}" is a list, but a policy document must be one object: remove the leading "-" (or the [ ]).`, source: 'template' });
      continue;
    }
    const block = blockScalarJson(f, text, syntaxErrors);
    if (block) {
      // the text of a string is passed to IAM as it is: CloudFormation evaluates no intrinsic inside it
      reportIntrinsicsInString(block.node, f.label, syntaxErrors);
      policies.push(literalPolicy(block));
      continue;
    }
    if (f.node.type === 'string') reportIntrinsicsInJsonString(f, syntaxErrors);
    policies.push(...buildVariants(f, symbols));
  }
  return policies;
}

/** `{"Fn::Sub": …}` / `{"Ref": …}` objects inside a policy written as a string (INTRINSIC_IN_POLICY_STRING). */
function reportIntrinsicsInString(node: JsonNode, label: string, syntaxErrors: SyntaxProblem[]): void {
  const intrinsic = intrinsicOf(node);
  if (intrinsic) {
    syntaxErrors.push({ offset: node.offset, length: node.length, message: intrinsicMessage(intrinsic.fn, label), source: 'string-intrinsic' });
    return;
  }
  for (const c of node.children ?? []) reportIntrinsicsInString(c, label, syntaxErrors);
}

function intrinsicMessage(fn: string, label: string): string {
  return `"${fn}" inside "${label}", a policy written as a string, is passed to IAM as it is (CloudFormation evaluates no intrinsic function inside a string), and IAM rejects the object: write the policy as an object, or wrap the whole string in Fn::Sub and use \${…} placeholders.`;
}

/**
 * A policy given as one JSON string (`"PolicyDocument": "{\"Statement\": …}"`): not a document we can point into,
 * but an intrinsic object in it is certainly wrong, so it is reported on the string.
 */
function reportIntrinsicsInJsonString(f: Found, syntaxErrors: SyntaxProblem[]): void {
  const value = String(f.node.value);
  if (!value.includes('"Fn::') && !value.includes('"Ref"')) return;
  const { root } = parseJson(value);
  const found: SyntaxProblem[] = [];
  if (root) reportIntrinsicsInString(root, f.label, found);
  const first = found[0];
  if (!first) return;
  const fn = /"(Fn::[A-Za-z]+|Ref)"/.exec(value.slice(first.offset))?.[1] ?? 'Fn::Sub';
  syntaxErrors.push({ offset: f.node.offset, length: f.node.length, message: intrinsicMessage(fn, f.label), source: 'string-intrinsic' });
}

/** A policy read from a string: its intrinsic-looking objects stay objects (the grammar sees them as IAM does). */
function literalPolicy(f: Found): PolicyDocument {
  return buildPolicy(f.node, { policyType: f.type ?? policyTypeFromContent(f.node), policyTypeSource: 'container', label: f.label, resourceType: f.resourceType });
}

function walkSlot(node: JsonNode | undefined, path: readonly string[], label: string, type: PolicyType | undefined, resourceType: string, out: Found[]): void {
  if (!node) return;
  if (path.length === 0) {
    out.push({ node, label, type, resourceType });
    return;
  }
  const [head, ...rest] = path;
  if (head === '[]' || head === '[sam]') {
    // a single item where a list is expected is accepted by SAM; a plain list elsewhere
    const items = node.type === 'array' ? (node.children ?? []) : head === '[sam]' ? [node] : [];
    items.forEach((item, i) => {
      const itemLabel = node.type === 'array' ? `${label}[${i}]` : label;
      if (head === '[sam]' && !isInlineDocument(item)) {
        out.push({ node: item, label: itemLabel, type, resourceType, sam: true });
        return;
      }
      walkSlot(item, rest, itemLabel, type, resourceType, out);
    });
    return;
  }
  const prop = properties(node).find((p) => propertyKey(p) === head);
  if (prop) walkSlot(propertyValue(prop), rest, `${label}.${head}`, type, resourceType, out);
}

/** A SAM policy template entry: its expansion (a label naming the template, marked generated), or its problem. */
function samTemplatePolicies(f: Found, syntaxErrors: SyntaxProblem[], symbols: TemplateSymbols): PolicyDocument[] {
  const entry = readSamPolicyEntry(f.node);
  syntaxErrors.push(...entry.problems);
  if (entry.kind !== 'expanded') return [];
  const label = `${f.label} (SAM policy template ${entry.name})`;
  return buildVariants({ ...f, node: asJsonNode(entry.document), label }, symbols).map((p) => Object.assign(p, { generated: `SAM policy template ${entry.name}` }));
}

/** SAM: an inline policy document has a Statement; a string is a managed policy; `{S3ReadPolicy: …}` is a template. */
function isInlineDocument(node: JsonNode): boolean {
  return node.type === 'object' && !intrinsicOf(node) && properties(node).some((p) => propertyKey(p) === 'Statement');
}

/**
 * `PolicyDocument: |` followed by JSON: the block's lines are the JSON text itself (indentation is whitespace to
 * JSON), so it parses in place with true offsets. Folded (`>`) blocks are JSON too once folded, but only the
 * literal form keeps every character where it is written, so only `|` is read.
 */
function blockScalarJson(f: Found, text: string, syntaxErrors: SyntaxProblem[]): Found | undefined {
  if (f.node.type !== 'string') return undefined;
  const raw = text.slice(f.node.offset, f.node.offset + f.node.length);
  const m = /^\|[0-9+-]*[ \t]*(#[^\n]*)?\r?\n/.exec(raw);
  if (!m) return undefined;
  const base = f.node.offset + m[0].length;
  const body = text.slice(base, f.node.offset + f.node.length);
  // only a block that is meant as a JSON object: a YAML block of plain text is no policy and no error
  if (!/^\s*\{/.test(body)) return undefined;
  const { root, syntaxErrors: errors } = parseJson(body);
  for (const e of errors) syntaxErrors.push({ ...e, offset: e.offset + base });
  if (root?.type !== 'object') return undefined;
  shiftOffsets(root as unknown as MutableNode, base);
  return { ...f, node: root };
}

function shiftOffsets(node: MutableNode, base: number): void {
  node.offset += base;
  if (node.colonOffset !== undefined) node.colonOffset += base;
  for (const c of node.children ?? []) shiftOffsets(c, base);
}

function buildVariants(f: Found, symbols: TemplateSymbols): PolicyDocument[] {
  // a policy written as a JSON string (or another scalar) is not a document we can point into
  if (f.node.type !== 'object') return [];
  const variants: Variant[] = countIfs(f.node) > 0 ? ['then', 'else'] : ['then'];
  const out: PolicyDocument[] = [];
  for (const variant of variants) {
    const resolved = resolveIntrinsics(f.node, variant, symbols);
    if (!resolved || resolved.type !== 'object') continue;
    const root = asJsonNode(resolved);
    const label = variants.length > 1 ? `${f.label} (Fn::If ${variant === 'then' ? 'true' : 'false'} branches)` : f.label;
    out.push(buildPolicy(root, { policyType: f.type ?? policyTypeFromContent(root), policyTypeSource: 'container', label, resourceType: f.resourceType }));
  }
  return out;
}
