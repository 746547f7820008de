// Names the place of a finding in documents whose line numbers mean little to a reader: the principal and policy in
// `aws iam get-account-authorization-details` output, the resource address in a Terraform plan, the construct path
// (`aws:cdk:path` Metadata) in a CDK-synthesized CloudFormation template. Other documents get none.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../service/parser/parseDocument';
import { properties, propertyKey, propertyValue, type JsonNode } from '../service/parser/jsonTree';
import type { CliDiagnostic } from './report';
import { planSourceOf } from './planSource';

const child = (node: JsonNode | undefined, key: string): JsonNode | undefined => {
  const p = properties(node).find((x) => propertyKey(x) === key);
  return p ? propertyValue(p) : undefined;
};

/** `filePath`: the checked file, for a Terraform plan's source line (planSource.ts) */
export function whereOf(parsed: ParsedDocument, offset: number, filePath?: string): string | undefined {
  const policy = parsed.policies.find((p) => offset >= p.root.offset && offset <= p.root.offset + p.root.length);
  if (!policy) return undefined;
  if (parsed.container === 'authorization-details') return policy.label;
  if (parsed.container === 'terraform-plan') {
    const source = filePath ? planSourceOf(parsed, filePath, policy.label) : undefined;
    return source ? `${policy.label} (${source})` : policy.label;
  }
  if (parsed.container === 'cloudformation' && !parsed.syntax) {
    // CDK writes Resources.<id>.Metadata["aws:cdk:path"] (e.g. "Stack/Role/DefaultPolicy/Resource")
    const logicalId = policy.label.split('.')[0] ?? '';
    const path = child(child(child(child(parsed.root, 'Resources'), logicalId), 'Metadata'), 'aws:cdk:path');
    if (path?.type === 'string' && typeof path.value === 'string') return path.value;
  }
  return undefined;
}

const principalOf = (where: string | undefined): string => (where ?? '').split(/[: ]/, 1)[0]!;

/** Stable in-place sort of the findings (and the parallel diagnostics) by principal, keeping document order within. */
export function groupByWhere(diagnostics: CliDiagnostic[], parallel: Diagnostic[]): void {
  const order = diagnostics.map((d, i) => ({ d, p: parallel[i]!, i }));
  order.sort((a, b) => {
    const x = principalOf(a.d.where);
    const y = principalOf(b.d.where);
    return x < y ? -1 : x > y ? 1 : a.i - b.i;
  });
  order.forEach((o, i) => {
    diagnostics[i] = o.d;
    parallel[i] = o.p;
  });
}
