// Entry point of the parser layer: text -> ParsedDocument holding the JSON tree, syntax errors, duplicate
// keys and every policy found in it. A plain policy file holds one; containers hold several: CloudFormation/SAM
// templates (JSON or YAML) and Terraform files (see containers/). Anything else is `isPolicy: false`.

import { findDuplicateKeys, parseJson, type DuplicateKey, type JsonNode, type SyntaxProblem } from './jsonTree';
import { buildPolicy } from './buildPolicy';
import { policyTypeFromContent, policyTypeFromFileNameAndContent } from './policyType';
import type { PolicyDocument, PolicyType } from './policyModel';
import { detectContainer } from './containers/detect';
import { findCloudFormationPolicies, isCloudFormationTemplate } from './containers/cloudformation';
import { parseYaml } from './containers/yamlTree';
import { parseTemplateFile, parseTerraform } from './containers/terraform';
import { findAuthorizationDetailsPolicies, findServerlessPolicies, findTerraformPlanPolicies, isAuthorizationDetails, isServerless, isTerraformPlan } from './containers/moreInputs';
import { asJsonNode } from './containers/nodes';
import { DEFAULT_LIMITS, depthLimitReason, nestingLimitReason, sizeLimitReason, type DocumentLimits } from './limits';
import { skippedDocument } from './skippedDocument';
import { looksLikePolicy } from './looksLikePolicy';

export interface ParseOptions {
  /** document URI or path: used for file-name type hints and association */
  readonly uri?: string;
  /** the editor's language id; "iam-policy" means the user associated the file with us */
  readonly languageId?: string;
  /** explicit policy type from a setting or CLI flag: wins over every inference */
  readonly policyType?: PolicyType;
  /** treat the file as a policy even when its content does not look like one (association by setting) */
  readonly forcePolicy?: boolean;
  /** size and nesting limits above which the document is not analysed (parser/limits.ts; defaults per field) */
  readonly limits?: Partial<DocumentLimits>;
}

import type { Derivable } from './derived';

export interface ParsedDocument extends Derivable {
  readonly text: string;
  readonly uri: string;
  readonly root: JsonNode | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
  readonly duplicateKeys: readonly DuplicateKey[];
  /** false for JSON that is not a policy (package.json, tsconfig.json): we then report nothing at all */
  readonly isPolicy: boolean;
  readonly policies: readonly PolicyDocument[];
  /** which container the policies came from; absent for a plain policy file */
  readonly container?: 'cloudformation' | 'terraform' | 'authorization-details' | 'terraform-plan' | 'serverless';
  /**
   * the text's own syntax when it is not JSON: edits must then be valid YAML/HCL (a JSON string literal is valid
   * in both; a JSON property insert is not). Absent for JSON (plain policies and CloudFormation JSON templates).
   */
  readonly syntax?: 'yaml' | 'hcl';
  /** set when the document was over a size or nesting limit and was not analysed (parser/limits.ts) */
  readonly skipped?: string;
  /** the text's length without whitespace, for a plain JSON file without syntax errors (measured while parsing) */
  readonly nonWhitespaceLength?: number;
}

const ASSOCIATED_NAME = /\.(iam|policy)\.json$/i;
const TEMPLATE_FILE = /\.json\.(tftpl|tpl)$/i;

export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const uri = options.uri ?? '';
  const limits: DocumentLimits = options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
  const tooLong = sizeLimitReason(text, limits);
  if (tooLong) return skippedDocument(text, uri, options.languageId ?? '', tooLong);
  const associated = options.forcePolicy === true || options.languageId === 'iam-policy' || ASSOCIATED_NAME.test(uri);
  if (!associated && TEMPLATE_FILE.test(uri)) {
    // templatefile() policy templates: JSON with Terraform placeholders
    const { policies, syntaxErrors } = parseTemplateFile(text);
    return { text, uri, root: undefined, syntaxErrors: policies.length ? syntaxErrors : [], duplicateKeys: duplicatesIn(policies), isPolicy: policies.length > 0, policies, container: 'terraform' };
  }
  if (!associated) {
    const kind = detectContainer(text, uri, options.languageId);
    if (kind === 'yaml' || kind === 'terraform') {
      // their parsers are measured before they run; JSON's measures itself while parsing
      const tooDeep = nestingLimitReason(text, limits);
      if (tooDeep) return skippedDocument(text, uri, options.languageId ?? '', tooDeep);
      return kind === 'yaml' ? parseYamlDocument(text, uri) : parseTerraformDocument(text, uri);
    }
  }
  return parseJsonDocument(text, uri, associated, options, limits);
}

/** JSON: a plain policy file (today's behaviour) or a CloudFormation JSON template. */
function parseJsonDocument(text: string, uri: string, associated: boolean, options: ParseOptions, limits: DocumentLimits): ParsedDocument {
  const { root, syntaxErrors, depth, nonWhitespaceLength } = parseJson(text, limits.maxDepth);
  if (depth > limits.maxDepth) return skippedDocument(text, uri, options.languageId ?? '', depthLimitReason(limits));
  if (!associated && isCloudFormationTemplate(root)) {
    // template-level problems (a policy given as a list) join the JSON syntax errors
    const errors = [...syntaxErrors];
    const policies = findCloudFormationPolicies(root!, text, errors);
    return { text, uri, root, syntaxErrors: errors, duplicateKeys: duplicatesIn(policies), isPolicy: true, policies, container: 'cloudformation' };
  }
  if (!associated && isAuthorizationDetails(root)) {
    const policies = findAuthorizationDetailsPolicies(root!);
    return { text, uri, root, syntaxErrors, duplicateKeys: duplicatesIn(policies), isPolicy: true, policies, container: 'authorization-details' };
  }
  if (!associated && isTerraformPlan(root)) {
    const embeddedErrors: SyntaxProblem[] = [];
    const policies = findTerraformPlanPolicies(root!, text, embeddedErrors);
    return { text, uri, root, syntaxErrors: [...syntaxErrors, ...embeddedErrors], duplicateKeys: duplicatesIn(policies), isPolicy: policies.length > 0, policies, container: 'terraform-plan' };
  }
  // "Statement", a typo of it, or a policy version at the top (or in broken JSON's text): a policy to check
  const isPolicy = associated || looksLikePolicy(root, text, syntaxErrors.length > 0);
  if (!isPolicy) return { text, uri, root, syntaxErrors: [], duplicateKeys: [], isPolicy: false, policies: [] };
  const policies: PolicyDocument[] = [];
  if (root?.type === 'object') {
    const fromName = policyTypeFromFileNameAndContent(uri, root);
    const policyType = options.policyType ?? fromName ?? policyTypeFromContent(root);
    const policyTypeSource = options.policyType ? 'setting' : fromName ? 'filename' : 'content';
    policies.push(buildPolicy(root, { policyType, policyTypeSource }));
  }
  return { text, uri, root, syntaxErrors, duplicateKeys: findDuplicateKeys(root), isPolicy, policies, ...(nonWhitespaceLength !== undefined ? { nonWhitespaceLength } : {}) };
}

/** YAML: only CloudFormation/SAM templates are ours; other YAML (docker-compose, CI files) gets nothing. */
function parseYamlDocument(text: string, uri: string): ParsedDocument {
  const { root: mutable, syntaxErrors } = parseYaml(text);
  const root = mutable ? asJsonNode(mutable) : undefined;
  if (isServerless(root)) {
    const policies = findServerlessPolicies(root!);
    if (policies.length === 0) return { text, uri, root, syntaxErrors: [], duplicateKeys: [], isPolicy: false, policies: [] };
    return { text, uri, root, syntaxErrors, duplicateKeys: duplicatesIn(policies), isPolicy: true, policies, container: 'serverless', syntax: 'yaml' };
  }
  if (!isCloudFormationTemplate(root)) {
    return { text, uri, root, syntaxErrors: [], duplicateKeys: [], isPolicy: false, policies: [] };
  }
  const blockErrors: SyntaxProblem[] = [];
  const policies = findCloudFormationPolicies(root!, text, blockErrors);
  const errors = [...syntaxErrors, ...blockErrors];
  return { text, uri, root, syntaxErrors: errors, duplicateKeys: duplicatesIn(policies), isPolicy: true, policies, container: 'cloudformation', syntax: 'yaml' };
}

/** Terraform: a file is ours when it holds at least one policy (or is broken HCL next to policy-looking text). */
function parseTerraformDocument(text: string, uri: string): ParsedDocument {
  const { policies, syntaxErrors } = parseTerraform(text);
  const isPolicy = policies.length > 0;
  return { text, uri, root: undefined, syntaxErrors: isPolicy ? syntaxErrors : [], duplicateKeys: duplicatesIn(policies), isPolicy, policies, container: 'terraform', syntax: 'hcl' };
}

/** Duplicate keys inside the policies only (the rest of a template is not ours to judge), once per place. */
function duplicatesIn(policies: readonly PolicyDocument[]): DuplicateKey[] {
  const seen = new Set<number>();
  const out: DuplicateKey[] = [];
  for (const p of policies) {
    for (const d of findDuplicateKeys(p.root)) {
      if (seen.has(d.property.offset)) continue;
      seen.add(d.property.offset);
      out.push(d);
    }
  }
  return out.sort((a, b) => a.property.offset - b.property.offset);
}
