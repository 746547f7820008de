// Hover on a SAM policy template entry (`- S3ReadPolicy: {BucketName: …}`): what SAM replaces it with, statement
// by statement, from the expansion the parser made (parser/containers/samPolicyTemplates.ts), and where AWS
// documents the template. Values SAM fills in at deploy time (Ref, region, account) show as `*`.

import type { PolicyDocument } from '../../parser/policyModel';
import { SAM_POLICY_TEMPLATES, SAM_TEMPLATE_LIST_URL } from '../../parser/containers/samPolicyTemplateTable';

const PREFIX = 'SAM policy template ';

/** The markdown for a generated SAM policy, or undefined for any other policy. */
export function samTemplateHover(policy: PolicyDocument): string | undefined {
  if (!policy.generated?.startsWith(PREFIX)) return undefined;
  const name = policy.generated.slice(PREFIX.length);
  const anchor = SAM_POLICY_TEMPLATES[name]?.anchor;
  const link = anchor ? `[AWS SAM policy template list](${SAM_TEMPLATE_LIST_URL}#${anchor})` : 'the AWS SAM policy template list';
  const lines = [`**SAM policy template \`${name}\`** (${link}). SAM replaces this entry with:`, ''];
  for (const s of policy.statements) {
    const actions = s.action?.items.map((i) => `\`${i.value}\``).join(', ') ?? '';
    const resources = s.resource?.items.map((i) => `\`${i.value}\``).join(', ') ?? '';
    const condition = s.condition ? ' when its condition holds' : '';
    lines.push(`- Allow ${actions} on ${resources}${condition}`);
  }
  return lines.join('\n');
}
