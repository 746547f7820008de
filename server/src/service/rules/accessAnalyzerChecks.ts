// The IAM Access Analyzer ValidatePolicy checks we know of, for the generated AWS-code -> rule table
// (docs/access-analyzer.md, scripts/generateRuleDocs.mjs). Which rule answers a code comes from the rules'
// own `accessAnalyzer` metadata; this module only lists the codes no rule answers, each with the reason.
// Sources: the checks catalogue's AA section (the 2023 "Access Analyzer policy check reference", 135 checks) and
// the codes the live page added since (named in issue 18). A test checks that every code a rule declares is
// one of these and that no code is both declared and listed here.

/** Codes AWS no longer lists but a rule still answers (kept so users of older tooling can map them). */
export const RETIRED_ACCESS_ANALYZER_CODES: ReadonlySet<string> = new Set([
  // SCPs accept the full policy language since September 2025; LEGACY_SCP_SYNTAX (opt-in) keeps the old subset
  'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
  'SCP_SYNTAX_ERROR_ALLOW_CONDITION',
  'SCP_SYNTAX_ERROR_ALLOW_NOTACTION',
  'SCP_SYNTAX_ERROR_ALLOW_RESOURCE',
  'SCP_SYNTAX_ERROR_NOTRESOURCE',
]);

/** Access Analyzer codes no rule answers yet, and why. */
export const UNANSWERED_ACCESS_ANALYZER_CODES: Readonly<Record<string, string>> = {
  S3_PREFIX_IN_NEGATIVE_CONTEXT: 'Not implemented yet (issue 18).',
  STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: 'Not implemented yet (issue 18).',
  DYNAMODB_ATTRIBUTES_WITHOUT_SELECT: 'Not implemented yet (issue 18).',
  UNTRUSTWORTHY_CONDITION_KEY: 'Not implemented yet (issue 18): needs AWS\'s list of keys a caller can set, which the check reference does not give.',
  WILDCARD_USAGE_TOO_PERMISSIVE: 'Not implemented yet (issue 18).',
  VARIABLE_USAGE_TOO_PERMISSIVE: 'Not implemented yet (issue 18).',
  MISSING_ARN_ACCOUNT: 'Not implemented yet (issue 18).',
  INVALID_KMS_KEY_VALUE: 'Not implemented yet (issue 18).',
  RCP_MISSING_PRINCIPAL_CONDITION: 'Not implemented yet (issue 18); the RCP rules (RCP_*) check the RCP grammar instead.',
  RCP_MISSING_RESOURCE_CONDITION: 'Not implemented yet (issue 18).',
  RCP_MISSING_ACTION_CONDITION: 'Not implemented yet (issue 18).',
  USE_CONDITION_KEY_ONLY_WITH_SUPPORTED_SERVICES: 'Not implemented yet (issue 18).',
  EQUIVALENT_TO_NULL_TRUE: 'Not implemented yet (issue 18).',
  EQUIVALENT_TO_NULL_FALSE: 'Not implemented yet (issue 18).',
  REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION: 'Not implemented yet (issue 18).',
  REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION: 'Not implemented yet (issue 18).',
  UNSUPPORTED_SYMBOL_IN_VARIABLE: 'Listed by an older page only; INVALID_VARIABLE_SYNTAX reports malformed variables.',
};
