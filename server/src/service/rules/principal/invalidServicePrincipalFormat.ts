/** INVALID_SERVICE_PRINCIPAL_FORMAT: a Service principal that is not a service name such as "ec2.amazonaws.com" (PR05). */

import type { Rule } from '../rule';
import { isServicePrincipalFormat, suggestServicePrincipal } from '../../knowledge/principals';
import { isOwnedElsewhere, principalValues } from './principalValues';

export const invalidServicePrincipalFormat: Rule = {
  code: 'INVALID_SERVICE_PRINCIPAL_FORMAT',
  defaultSeverity: 'error',
  category: 'principal',
  summary: 'A Service principal is not of the form "service.amazonaws.com".',
  catalogue: ['PR05'],
  accessAnalyzer: ['INVALID_SERVICE_PRINCIPAL_FORMAT'],
  docs: `Service principals are DNS-style names: \`ec2.amazonaws.com\`, \`logs.eu-west-1.amazonaws.com\`, or
\`….amazonaws.com.cn\` in the China Regions. A bare service prefix, an ARN or an account ID is not a service principal.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "lambda" }, "Action": "sts:AssumeRole" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of principalValues(ctx.policy)) {
      const value = p.value.value;
      // "*" as a Service value is unusual but not documented as rejected: leave it alone
      if (p.type !== 'Service' || value === '*' || isOwnedElsewhere(value) || isServicePrincipalFormat(value)) continue;
      const suggestion = suggestServicePrincipal(value);
      ctx.report(
        p.value,
        suggestion
          ? `Service principal "${value}" is not valid: did you mean "${suggestion}"?`
          : `Service principal "${value}" is not valid: use the service's principal name, such as "ec2.amazonaws.com".`,
        { data: { value, ...(suggestion ? { suggestion } : {}) } },
      );
    }
  },
};
