// How a candidate text is re-parsed to vet a fix: the way the original was parsed, so that a fix in a YAML
// template, a CloudFormation JSON template or a Terraform file is checked as that kind of file again. Does not
// parse or run rules itself (the service facade does, in errorCodes).

import type { ParsedDocument, ParseOptions } from '../parser/parseDocument';

export function vetParseOptions(original: ParsedDocument): ParseOptions {
  const first = original.policies[0];
  const forced = first?.policyTypeSource === 'setting' ? { policyType: first.policyType } : {};
  // "treat as a policy" is only for plain policy files: forcing it on a template would skip template
  // detection and read YAML/HCL (or a whole template) as one JSON policy, so every fix would pass unchecked
  return { ...forced, forcePolicy: original.isPolicy && original.container === undefined };
}
