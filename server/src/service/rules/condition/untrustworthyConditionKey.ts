/**
 * UNTRUSTWORTHY_CONDITION_KEY: a condition on a value the caller sets in an HTTP header (aws:Referer,
 * aws:UserAgent), which any caller can fake. Access Analyzer security warning of the same name
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 * The list is the global keys the IAM User Guide ("AWS global condition context keys") warns are set by the
 * caller and "should not be used to prevent unauthorized parties from making direct AWS requests".
 */

import type { Rule } from '../rule';
import { conditionSites } from './conditionUtil';

const CALLER_SET_KEYS = new Set(['aws:referer', 'aws:useragent']);

export const untrustworthyConditionKey: Rule = {
  code: 'UNTRUSTWORTHY_CONDITION_KEY',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'A condition relies on aws:Referer or aws:UserAgent, which the caller sets and can fake.',
  catalogue: ['S24'],
  accessAnalyzer: ['UNTRUSTWORTHY_CONDITION_KEY'],
  docs: `\`aws:Referer\` and \`aws:UserAgent\` come from HTTP headers the caller writes. The IAM User Guide ("AWS
global condition context keys",
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html) warns for both that
"unauthorized parties can use modified or custom browsers to provide any ... value that they choose", so they
"should not be used to prevent unauthorized parties from making direct AWS requests". Restrict access with
keys AWS sets: \`aws:SourceVpce\`, \`aws:SourceIp\`, \`aws:PrincipalOrgID\`, \`aws:SourceArn\`.
Answers Access Analyzer's UNTRUSTWORTHY_CONDITION_KEY (a security warning); the keys are the two the cited page warns about: our reading of the check, whose section of the check reference our stored copy of the page does not hold; the behaviour above is from the IAM pages cited.

Bad:
\`\`\`json
{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*", "Condition": { "StringLike": { "aws:Referer": "https://www.example.com/*" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry, block } of conditionSites(ctx.policy)) {
      if (!CALLER_SET_KEYS.has(entry.key.value.toLowerCase())) continue;
      // a Null test only asks whether the header was sent: nothing is trusted
      if (block.operator.value.toLowerCase() === 'null') continue;
      ctx.report(entry.key, `"${entry.key.value}" is an HTTP header the caller sets and can fake: do not rely on it to keep anyone out; use a key AWS sets, such as "aws:SourceVpce" or "aws:PrincipalOrgID".`, {
        data: { key: entry.key.value },
      });
    }
  },
};
