// The structural grammar of an IAM policy as a JSON Schema (draft-07) object of our own. It says which
// elements exist, their JSON types, Version/Effect values, required elements and exclusive pairs. It does
// not judge values (actions, ARNs, principals, condition operators): the other rule groups do that.

/** Top-level element names, in the documented order (used for typo suggestions too). */
export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;

/** Statement element names, in the documented order. */
export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;

export const VALID_VERSIONS = ['2012-10-17', '2008-10-17'] as const;
export const VALID_EFFECTS = ['Allow', 'Deny'] as const;

/** Pairs that may not appear together in one statement; the index is used to map `not` errors back. */
export const EXCLUSIVE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

/** A statement needs one element of each group (trust policies omit Resource: the rule decides that). */
export const REQUIRED_ONE_OF: ReadonlyArray<readonly [string, string]> = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
];

const stringOrStringArray = { type: ['string', 'array'], items: { type: 'string' } };
const conditionScalar = ['string', 'number', 'boolean'];

/**
 * Statement keywords without a `type`, so they apply to an object and are ignored for other types:
 * this lets `Statement` be "an object or an array of objects" without a oneOf (whose errors are noise).
 */
const statementBody = {
  properties: {
    Sid: { type: 'string' },
    Effect: { type: 'string', enum: [...VALID_EFFECTS] },
    // "*" or a map: INVALID_PRINCIPAL_FORMAT (principal rules) judges the shape; only entry types here
    Principal: { additionalProperties: stringOrStringArray },
    NotPrincipal: { additionalProperties: stringOrStringArray },
    Action: stringOrStringArray,
    NotAction: stringOrStringArray,
    Resource: stringOrStringArray,
    NotResource: stringOrStringArray,
    Condition: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: { type: [...conditionScalar, 'array'], items: { type: conditionScalar } },
      },
    },
  },
  additionalProperties: false,
  required: ['Effect'],
  allOf: [
    // `type: 'object'` inside `not`: for a non-object `required` passes, so the `not` would fail
    ...EXCLUSIVE_PAIRS.map(([a, b]) => ({ not: { type: 'object', required: [a, b] } })),
    // one of each pair is required; grammarProblems.ts folds the anyOf branch errors into one "missing"
    ...REQUIRED_ONE_OF.map((names) => ({ anyOf: names.map((n) => ({ required: [n] })) })),
  ],
};

export const POLICY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    Version: { type: 'string', enum: [...VALID_VERSIONS] },
    Id: { type: 'string' },
    Statement: {
      type: ['object', 'array'],
      items: { type: 'object', ...statementBody },
      ...statementBody,
    },
  },
  required: ['Statement'],
  additionalProperties: false,
} as const;
