/**
 * TYPE_MISMATCH: the operator family does not suit the key's type (e.g. StringEquals on a Bool key). Not for a
 * String operator comparing with policy variables a key whose own operators take none.
 */

import type { Rule } from '../rule';
import { familySuitsKeyType, operatorsForKeyType } from '../../knowledge/operators';
import { scanPolicyVariables } from '../../knowledge/policyVariables';
import type { ConditionEntry } from '../../parser/policyModel';
import { conditionSites, knownKeyInfo } from './conditionUtil';

/** Every value holds a policy variable ("${aws:VpcSourceIp}"). */
function comparesWithVariables(entry: ConditionEntry): boolean {
  return entry.values.length > 0 && entry.values.every((v) => typeof v.value === 'string' && scanPolicyVariables(v.value).some((x) => x.kind === 'variable'));
}

export const typeMismatch: Rule = {
  code: 'TYPE_MISMATCH',
  defaultSeverity: 'warning',
  category: 'condition',
  summary: 'The condition operator does not match the type of the condition key.',
  catalogue: ['C13'],
  accessAnalyzer: ['TYPE_MISMATCH'],
  docs: `Each key has a type (String, ARN, Numeric, Date, Bool, IP address). An operator of another family
compares the wrong way: \`StringEquals\` on \`aws:SecureTransport\` compares text, \`NumericLessThan\` on a
string key never matches. Use an operator of the key's family (String operators on ARN keys also work).

Bad:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { op, entry, block } of conditionSites(ctx.policy)) {
      if (!op) continue;
      const info = knownKeyInfo(ctx.catalog, entry.key.value);
      if (!info) continue;
      const family = op.operator.family;
      if (familySuitsKeyType(family, info.type)) continue;
      // Arn operators on a String-typed key: many service keys typed String hold ARNs; do not guess.
      if (family === 'Arn' && info.type === 'String') continue;
      // IpAddress/Date/Numeric operators take no policy variables, so comparing such a key with another key's
      // value needs a String operator: the IAM User Guide's own aws:Ec2InstanceSourcePrivateIPv4 example is
      // "StringNotEquals": {"aws:Ec2InstanceSourcePrivateIPv4": "${aws:VpcSourceIp}"}
      if (family === 'String' && comparesWithVariables(entry) && !operatorsForKeyType(info.type).some((o) => o.allowsVariables)) continue;
      const suggested = operatorsForKeyType(info.type)[0]?.name;
      ctx.report(
        entry.key,
        `"${entry.key.value}" is ${article(info.type)} ${info.type} key but "${block.operator.value}" is ${article(family)} ${family} operator: use ${article(info.type)} ${info.type} operator${suggested ? ` such as "${suggested}"` : ''}.`,
        { data: { key: entry.key.value, keyType: info.type, operator: block.operator.value, ...(suggested ? { suggestedOperator: suggested } : {}) } },
      );
    }
  },
};

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}
