// Shared by EQUIVALENT_TO_NULL, REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION and
// REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION: what a condition entry whose values include a bare "*"
// under StringLike or StringNotLike (with or without IfExists) really tests. No reporting here. The Arn
// operators are left out: they compare an ARN field by field, and the page does not say what a bare "*" does.
//
// The facts (IAM User Guide, "IAM JSON policy elements: Condition operators",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// `*` matches any run of characters, so a present key always matches "*"; a key absent from the request makes
// a positive operator false and a negated one (StringNotLike, ArnNotLike) true; IfExists makes any operator
// true when the key is absent. Values of one key are ORed (a negated operator is true when none matches).
// Set operators (ForAllValues/ForAnyValue) are left out: their answer on an empty set differs.

import type { IamCatalog } from '../../knowledge/catalog';
import { knownKeyInfo, type ConditionSite } from './conditionUtil';
import { ALWAYS_PRESENT } from './ifExistsMisuse';

export type WildcardMeaning =
  /** true whatever the request: the key tests nothing */
  | 'always-true'
  /** never true: the statement never applies */
  | 'never-true'
  /** true exactly when the key is present: the same as Null "false" */
  | 'key-present'
  /** true exactly when the key is absent: the same as Null "true" */
  | 'key-absent';

/** What the entry tests, when one of its values is a bare "*" under a wildcard operator; undefined otherwise. */
export function wildcardMeaning(catalog: IamCatalog, site: ConditionSite): WildcardMeaning | undefined {
  const { op, entry } = site;
  if (!op || op.qualifier || op.operator.family !== 'String' || !op.operator.supportsWildcards) return undefined;
  if (!entry.values.some((v) => v.value === '*')) return undefined;
  // "aws:RequestTag/${aws:username}" and the like: the key itself is not fixed text
  if (entry.key.value.includes('${')) return undefined;
  // a multivalued key without a set operator is MISSING_QUALIFIER's finding; how "*" reads there is not documented
  if (knownKeyInfo(catalog, entry.key.value)?.multiValued) return undefined;
  const alwaysPresent = ALWAYS_PRESENT.has(entry.key.value.toLowerCase());
  if (!op.operator.negated) return op.ifExists || alwaysPresent ? 'always-true' : 'key-present';
  return alwaysPresent ? 'never-true' : 'key-absent';
}
