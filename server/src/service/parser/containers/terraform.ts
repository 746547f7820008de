// Terraform files: finds IAM policies written as heredoc JSON (`<<EOF`), as `jsonencode({…})`, and as
// `data "aws_iam_policy_document"` blocks (turned into a synthetic policy whose nodes point at the HCL tokens), and
// builds one PolicyDocument each with the type the resource/attribute implies. `${…}` interpolations are treated
// like Fn::Sub placeholders (templateValue.ts). It does not evaluate variables, modules or `dynamic` blocks.

import { parseJson, type SyntaxProblem } from '../jsonTree';
import { buildPolicy } from '../buildPolicy';
import type { PolicyDocument, PolicyType } from '../policyModel';
import { policyTypeFromContent } from '../policyType';
import { parseHcl, type HclBlock, type HclBody, type HclExpr } from './hcl';
import { asJsonNode, type MutableNode } from './nodes';
import { fillOpaqueSource, hclToNode, WILDCARD_KEYS } from './hclNodes';
import { matchingBrace, substituteTerraform, templateFor } from './templateValue';
import { buildPolicyDocumentData } from './terraformPolicyDocument';

export interface TerraformPolicies {
  readonly policies: PolicyDocument[];
  readonly syntaxErrors: SyntaxProblem[];
}

/** resource type -> attribute -> policy type (undefined: inferred from the content). */
export const ATTRIBUTE_TYPES: Readonly<Record<string, Readonly<Record<string, PolicyType | undefined>>>> = {
  aws_iam_role: { assume_role_policy: 'trust' },
  aws_iam_policy: { policy: 'identity' },
  aws_iam_role_policy: { policy: 'identity' },
  aws_iam_user_policy: { policy: 'identity' },
  aws_iam_group_policy: { policy: 'identity' },
  aws_ssoadmin_permission_set_inline_policy: { inline_policy: 'identity' },
  aws_s3_bucket_policy: { policy: 'resource' },
  aws_s3_bucket: { policy: 'resource' },
  aws_sqs_queue_policy: { policy: 'resource' },
  aws_sqs_queue: { policy: 'resource' },
  aws_sns_topic_policy: { policy: 'resource' },
  aws_sns_topic: { policy: 'resource' },
  aws_kms_key: { policy: 'resource' },
  aws_kms_key_policy: { policy: 'resource' },
  aws_ecr_repository_policy: { policy: 'resource' },
  aws_ecr_registry_policy: { policy: 'resource' },
  aws_secretsmanager_secret_policy: { policy: 'resource' },
  aws_secretsmanager_secret: { policy: 'resource' },
  aws_efs_file_system_policy: { policy: 'resource' },
  aws_backup_vault_policy: { policy: 'resource' },
  aws_glacier_vault: { access_policy: 'resource' },
  aws_opensearch_domain_policy: { access_policies: 'resource' },
  aws_elasticsearch_domain_policy: { access_policies: 'resource' },
  aws_api_gateway_rest_api_policy: { policy: 'resource' },
  aws_cloudwatch_log_resource_policy: { policy_document: 'resource' },
  aws_codeartifact_domain_permissions_policy: { policy_document: 'resource' },
  aws_codeartifact_repository_permissions_policy: { policy_document: 'resource' },
  aws_dynamodb_resource_policy: { policy: 'resource' },
  aws_lambda_layer_version_policy: { policy: 'resource' },
};

export function parseTerraform(text: string): TerraformPolicies {
  const file = parseHcl(text);
  const out: TerraformPolicies = { policies: [], syntaxErrors: [...file.syntaxErrors] };
  const reader = new TerraformReader(text, out);
  for (const block of file.body.blocks) reader.topBlock(block);
  for (const attr of file.body.attributes) reader.attribute(attr.value, attr.name.name, undefined, undefined);
  return out;
}

class TerraformReader {
  constructor(
    private readonly text: string,
    private readonly out: TerraformPolicies,
  ) {}

  topBlock(block: HclBlock): void {
    const [first, second] = block.labels.map((l) => l.name);
    if (block.type.name === 'data' && first === 'aws_iam_policy_document') {
      const root = buildPolicyDocumentData(block);
      this.push(root, undefined, `data.aws_iam_policy_document.${second ?? ''}`, 'aws_iam_policy_document');
      return;
    }
    const prefix = block.type.name === 'resource' ? `${first ?? ''}.${second ?? ''}` : block.type.name === 'locals' ? 'local' : [block.type.name, ...block.labels.map((l) => l.name)].join('.');
    const types = block.type.name === 'resource' && first ? ATTRIBUTE_TYPES[first] : undefined;
    const resourceType = block.type.name === 'resource' ? first : undefined;
    this.body(block.body, prefix, resourceType, (attr) => {
      if (first === 'aws_organizations_policy' && attr === 'content') return organizationsType(block.body);
      return types?.[attr];
    });
  }

  private body(body: HclBody, label: string, resourceType: string | undefined, typeOf: (attr: string) => PolicyType | undefined | null): void {
    for (const attr of body.attributes) this.attribute(attr.value, `${label}.${attr.name.name}`, typeOf(attr.name.name), resourceType);
    for (const nested of body.blocks) {
      // aws_iam_role { inline_policy { policy = … } } is an identity policy
      const nestedType = (attr: string): PolicyType | undefined | null => (nested.type.name === 'inline_policy' && attr === 'policy' ? 'identity' : typeOf(attr));
      this.body(nested.body, `${label}.${nested.type.name}`, resourceType, nestedType);
    }
  }

  /** An attribute is a policy when its value is heredoc JSON or jsonencode() of an object with a Statement. */
  attribute(value: HclExpr, label: string, type: PolicyType | undefined | null, resourceType: string | undefined): void {
    if (type === null) return;
    let root: MutableNode | undefined;
    if (value.kind === 'heredoc') root = this.heredocJson(value.body, value.bodyStart);
    else if (value.kind === 'call' && value.name === 'jsonencode' && value.args[0]?.kind === 'object') root = hclToNode(value.args[0], false);
    if (root) this.push(root, type, label, resourceType);
  }

  templateFileBody(text: string): void {
    this.push(this.heredocJson(text, 0), undefined, 'templatefile', undefined);
  }

  private push(root: MutableNode | undefined, type: PolicyType | undefined, label: string, resourceType: string | undefined): void {
    if (!root || root.type !== 'object' || !root.children?.some((p) => p.children?.[0]?.value === 'Statement')) return;
    fillOpaqueSource(root, this.text);
    const node = asJsonNode(root);
    this.out.policies.push(
      buildPolicy(node, { policyType: type ?? policyTypeFromContent(node), policyTypeSource: 'container', label, ...(resourceType ? { resourceType } : {}) }),
    );
  }

  /**
   * Heredoc JSON: `${…}` outside JSON strings (e.g. `"Resource": ${jsonencode(var.arns)}`) is masked as a JSON string
   * of the same length so offsets stay true; inside strings it is kept and substituted afterwards.
   */
  private heredocJson(body: string, base: number): MutableNode | undefined {
    if (!/"Statement"/.test(body)) return undefined;
    const masked = maskInterpolations(body);
    const { root, syntaxErrors } = parseJson(masked.text);
    for (const e of syntaxErrors) this.out.syntaxErrors.push({ ...e, offset: e.offset + base });
    if (!root) return undefined;
    const node = root as unknown as MutableNode;
    shift(node, base);
    applyTemplates(node, new Set(masked.opaque.map((o) => o + base)), false);
    return node;
  }
}

/**
 * A `templatefile()`/`file()` policy template (`*.json.tftpl`, `*.json.tpl`): the whole text is what a heredoc body
 * would be, so `${…}` placeholders are read the same way (inside strings: substituted; outside: opaque values).
 */
export function parseTemplateFile(text: string): TerraformPolicies {
  const out: TerraformPolicies = { policies: [], syntaxErrors: [] };
  const reader = new TerraformReader(text, out);
  reader.templateFileBody(text);
  return out;
}

/** aws_organizations_policy: SCP unless `type` says RCP; other Organizations policy types are not IAM documents. */
function organizationsType(body: HclBody): PolicyType | null {
  const t = body.attributes.find((a) => a.name.name === 'type')?.value;
  if (!t) return 'scp';
  if (t.kind !== 'string' || t.hasTemplate) return null;
  if (t.value === 'SERVICE_CONTROL_POLICY') return 'scp';
  if (t.value === 'RESOURCE_CONTROL_POLICY') return 'rcp';
  return null;
}

export function maskInterpolations(body: string): { text: string; opaque: number[] } {
  let out = '';
  const opaque: number[] = [];
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (inString) {
      if (c === '\\') {
        out += c + (body[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inString = false;
      else if ((c === '$' || c === '%') && body[i + 1] === '{' && body[i - 1] !== c) {
        // keep the placeholder but blank out quotes inside it so the JSON string stays one token
        const end = matchingBrace(body, i + 1);
        if (end > 0) {
          out += body.slice(i, end + 1).replace(/["\n]/g, '_');
          i = end;
          continue;
        }
      }
      out += c;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if ((c === '$' || c === '%') && body[i + 1] === '{') {
      const end = matchingBrace(body, i + 1);
      if (end > 0) {
        const len = end + 1 - i;
        opaque.push(i);
        out += `"${' '.repeat(len - 2)}"`;
        i = end;
        continue;
      }
    }
    out += c;
  }
  return { text: out, opaque };
}

function shift(node: MutableNode, base: number): void {
  node.offset += base;
  if (node.colonOffset !== undefined) node.colonOffset += base;
  for (const c of node.children ?? []) shift(c, base);
}

/** Marks strings holding `${…}`: opaque when masked or not a meaningful wildcard, templated otherwise. */
function applyTemplates(node: MutableNode, opaque: ReadonlySet<number>, slot: boolean): void {
  if (node.type === 'string') {
    if (opaque.has(node.offset)) {
      node.value = ''; // filled with the source text by fillOpaqueSource
      node.template = { kind: 'opaque', fn: 'interpolation' };
      return;
    }
    const raw = String(node.value);
    if (!/[$%]\{/.test(raw)) return;
    const sub = substituteTerraform(raw, '*');
    const t = templateFor(sub.value, sub.unknown, slot, 'interpolation', raw);
    node.value = t.value;
    node.template = t.template;
    return;
  }
  if (node.type === 'property') {
    const key = node.children?.[0];
    const value = node.children?.[1];
    if (value) applyTemplates(value, opaque, WILDCARD_KEYS.has(String(key?.value)));
    return;
  }
  for (const c of node.children ?? []) applyTemplates(c, opaque, slot);
}
