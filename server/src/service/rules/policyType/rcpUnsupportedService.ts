/** RCP_UNSUPPORTED_SERVICE: an action of a service that resource control policies do not cover. */

import type { Rule } from '../rule';
import { hasWildcard } from '../../knowledge/glob';
import { actionService } from './policyTypeUtil';

export const rcpUnsupportedService: Rule = {
  code: 'RCP_UNSUPPORTED_SERVICE',
  defaultSeverity: 'error',
  category: 'policy-type',
  summary: 'A resource control policy names an action of a service RCPs do not support.',
  catalogue: ['T10'],
  docs: `Resource control policies apply only to a published list of services (S3, STS, KMS, SQS, Secrets
Manager and others, from the bundled IAM data). Actions of other services have no effect in an RCP and are
rejected.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "ec2:RunInstances", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    const supported = ctx.catalog.rcpServices;
    // without the list (an old catalog) we cannot know: say nothing rather than guess
    if (ctx.policy.policyType !== 'rcp' || supported.size === 0) return;
    for (const s of ctx.policy.statements) {
      if (!s.action || s.action.negated) continue;
      for (const a of s.action.items) {
        const svc = actionService(a.value);
        if (!svc || hasWildcard(svc) || supported.has(svc)) continue;
        // an unknown prefix is the action rules' finding (INVALID_SERVICE_IN_ACTION), not ours
        if (!ctx.catalog.getService(svc)) continue;
        ctx.report(a, `Resource control policies do not support the "${svc}" service: remove "${a.value}" (supported services include s3, sts, kms, sqs and secretsmanager).`, {
          data: { service: svc },
        });
      }
    }
  },
};
