// The IAM Access Analyzer ValidatePolicy checks we know of, for the generated AWS-code -> rule table
// (docs/access-analyzer.md, scripts/generateRuleDocs.mjs). Which rule answers a code comes from the rules'
// own `accessAnalyzer` metadata; this module only lists the codes no rule answers, each with the reason.
// Sources: the checks catalogue's AA section (the 2023 "Access Analyzer policy check reference", 135 checks) and
// the codes the live page added since (named in issue 18). A test checks that every code a rule declares is
// one of these and that no code is both declared and listed here.

/**
 * Codes AWS no longer lists but a rule still answers (kept so users of older tooling can map them). The current
 * check reference (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html)
 * still lists "SCP syntax error action wildcard" and "SCP syntax error principal", and no longer the four below.
 */
export const RETIRED_ACCESS_ANALYZER_CODES: ReadonlySet<string> = new Set([
  // SCPs accept the full policy language since September 2025; LEGACY_SCP_SYNTAX (opt-in) keeps the old subset
  'SCP_SYNTAX_ERROR_ALLOW_CONDITION',
  'SCP_SYNTAX_ERROR_ALLOW_NOTACTION',
  'SCP_SYNTAX_ERROR_ALLOW_RESOURCE',
  'SCP_SYNTAX_ERROR_NOTRESOURCE',
]);

/**
 * Why no check page could be read: the stored copy of the check reference our documentation search holds gives
 * the page's opening and table of contents only, not the sections AWS added for these codes.
 */
const PAGE_NOT_READ = 'the check reference section was not readable in our stored copy of the page';

/** Access Analyzer codes no rule answers, and why (each reason says what data or definition is missing). */
export const UNANSWERED_ACCESS_ANALYZER_CODES: Readonly<Record<string, string>> = {
  WILDCARD_USAGE_TOO_PERMISSIVE: `Not implemented: ${PAGE_NOT_READ}, and no other AWS page says which wildcard use Access Analyzer rejects as an error; we do not guess an error.`,
  VARIABLE_USAGE_TOO_PERMISSIVE: `Not implemented: ${PAGE_NOT_READ}, and no other AWS page says which policy-variable use Access Analyzer rejects as an error; we do not guess an error.`,
  INVALID_KMS_KEY_VALUE: `Not implemented: ${PAGE_NOT_READ}; it would need the valid values of each kms: condition key (key specs, algorithms), which the IAM data does not carry and AWS extends often, so an offline list would give false errors.`,
  RCP_MISSING_PRINCIPAL_CONDITION: `Not implemented: ${PAGE_NOT_READ}, and the RCP pages do not say which principal conditions are required; a guess would warn on valid RCPs such as AWS's TLS-enforcement example. The RCP_* rules check the RCP grammar, which Access Analyzer lists no code for.`,
  RCP_MISSING_RESOURCE_CONDITION: `Not implemented: ${PAGE_NOT_READ}, and the RCP pages do not say which resource conditions are required.`,
  RCP_MISSING_ACTION_CONDITION: `Not implemented: ${PAGE_NOT_READ}, and the RCP pages do not say which action conditions are required.`,
  USE_CONDITION_KEY_ONLY_WITH_SUPPORTED_SERVICES: `Not implemented: ${PAGE_NOT_READ}; it needs AWS's list of services that support each such key, which neither the page nor the IAM data gives (UNSUPPORTED_ACTION_FOR_CONDITION_KEY covers keys the data ties to actions).`,
  UNSUPPORTED_SYMBOL_IN_VARIABLE: 'Listed by an older page only; INVALID_VARIABLE_SYNTAX reports malformed variables.',
};

export interface SeverityAlignment {
  /** the Access Analyzer code whose finding type is ERROR or a warning we report lower */
  readonly code: string;
  /** the finding type AWS's check reference gives the code */
  readonly aws: 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';
  /** our rule and what we report now */
  readonly rule: string;
  readonly ours: string;
  readonly aligned: boolean;
  /** why we report what we report; the evidence where we kept a lower level */
  readonly why: string;
}

/**
 * The severities issue 18 found below AWS's, and what we did with each (rendered into docs/access-analyzer.md).
 * "Managed corpus" is the 1,523 AWS managed policies of test/unit/rules/managedCorpus.test.ts: as errors, a
 * finding there would claim AWS's own policies are broken.
 */
export const SEVERITY_ALIGNMENT: readonly SeverityAlignment[] = [
  { code: 'INVALID_CONDITION_MULTIPLE_BOOLEAN', aws: 'ERROR', rule: 'INVALID_CONDITION_MULTIPLE_BOOLEAN', ours: 'error', aligned: true, why: 'No AWS managed policy has one.' },
  { code: 'MISSING_QUALIFIER', aws: 'ERROR', rule: 'MISSING_QUALIFIER', ours: 'error for global keys; warning for service keys', aligned: true, why: 'Error where our own table of global keys says the key is multivalued (aws:TagKeys, aws:CalledVia, …). Kept a warning for service keys, whose multivaluedness comes from the IAM data: 4 AWS managed policies use events:detail-type, which the data types ArrayOfString, with plain StringEquals.' },
  { code: 'UNSUPPORTED_ACTION_FOR_CONDITION_KEY', aws: 'ERROR', rule: 'UNSUPPORTED_ACTION_FOR_CONDITION_KEY', ours: 'warning', aligned: false, why: 'Kept: it fires 75 times on the managed corpus, where our condition-key data lags the actions AWS\'s own policies use; as errors those would be false claims.' },
  { code: 'MISSING_ACTION_FOR_CONDITION_KEY', aws: 'ERROR', rule: 'MISSING_ACTION_FOR_CONDITION_KEY', ours: 'warning', aligned: false, why: 'Kept: 8 findings on the managed corpus (aws:TagKeys next to kms:DescribeKey, aws-marketplace:ProductId next to Subscribe), the same data lag.' },
  { code: 'TYPE_MISMATCH_IP_RANGE', aws: 'ERROR', rule: 'TYPE_MISMATCH_IP_RANGE', ours: 'error', aligned: true, why: 'Such a value never matches; no AWS managed policy has one.' },
  { code: 'UNSUPPORTED_GLOBAL_CONDITION_KEY', aws: 'ERROR', rule: 'DEPRECATED_GLOBAL_CONDITION_KEY', ours: 'error', aligned: true, why: 'The rule reports only aws:ARN, the key Access Analyzer calls unsupported; no AWS managed policy uses it.' },
  { code: 'INVALID_REGION', aws: 'ERROR', rule: 'INVALID_REGION', ours: 'error when malformed; warning when well-formed but unknown', aligned: false, why: 'Kept for well-formed codes: our Region table is a snapshot, and a Region launched after it would be a false error; a malformed code is an error as in Access Analyzer.' },
  { code: 'CONFIRM_AUDIENCE_CLAIM_TYPE', aws: 'WARNING', rule: 'CONFIRM_AUDIENCE_CLAIM_TYPE', ours: 'warning', aligned: true, why: 'Was info. Trust policies are not in the managed corpus; no policy of test/fixtures/policies uses a set operator on aud.' },
];
