// Hover for a policy variable inside a Resource or Condition value (`${aws:username}`, `${s3:prefix}`,
// escapes `${*}`): what it is replaced with. Scanning comes from knowledge/policyVariables.ts.

import type { IamCatalog } from '../../knowledge/catalog';
import { scanPolicyVariables, type PolicyVariable } from '../../knowledge/policyVariables';
import { code, escapeMarkdown } from './markdown';

/** The variable covering character `index` of `text`, if any. */
export function variableAtIndex(text: string, index: number): PolicyVariable | undefined {
  return scanPolicyVariables(text).find((v) => index >= v.start && index < v.end);
}

export function variableHover(catalog: IamCatalog, v: PolicyVariable): string {
  if (v.kind === 'escape') return `${code(`\${${v.name}}`)}: an escaped literal ${code(v.name)} character (not a wildcard or variable).`;
  if (v.kind === 'deploy-time') return `${code(`\${${v.name}}`)}: a Serverless Framework variable, replaced when the service is deployed (not an IAM policy variable).`;
  const info = catalog.getConditionKey(v.name);
  const out = [`**Policy variable** ${code(`\${${v.name}}`)}  \nReplaced, when the policy is evaluated, by the value of that key in the request. If the request has no such key, the string does not match (unless a default is given). Needs \`"Version": "2012-10-17"\`.`];
  if (v.defaultValue !== undefined) out.push('', `Default when the key is absent: ${code(v.defaultValue)}.`);
  if (info) {
    out.push('', `${code(info.key)}: ${info.type}${info.multiValued ? ', multivalued (cannot be used as a variable)' : ''}.${info.description ? ` ${escapeMarkdown(info.description)}` : ''}`);
  } else {
    out.push('', `${code(v.name)} is not a condition key in the IAM data.`);
  }
  return out.join('\n');
}
