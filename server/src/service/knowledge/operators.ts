// The IAM condition operator table (IAM User Guide, "IAM JSON policy elements: Condition operators") and
// a parser for operator names as written ("ForAnyValue:StringLikeIfExists"). Pure data + string handling:
// it does not look at condition keys or values (see conditionValues.ts and the condition rules for that).

import type { ConditionKeyType } from './globalConditionKeys';

/** Operator families, as the IAM User Guide groups them. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** What a value of the operator must look like. */
export type OperatorValueType = 'string' | 'number' | 'date' | 'boolean' | 'base64' | 'cidr' | 'arn';

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface OperatorInfo {
  /** canonical name, e.g. "StringNotLike" */
  readonly name: string;
  readonly family: OperatorFamily;
  readonly valueType: OperatorValueType;
  /** one paragraph: what the operator tests */
  readonly description: string;
  /** whether "<name>IfExists" is a valid operator (every operator except Null) */
  readonly allowsIfExists: boolean;
  /** whether policy variables (${...}) may be used in its values (String, Arn and Bool per the operator page) */
  readonly allowsVariables: boolean;
  /** true for the NotEquals/NotLike/NotIpAddress forms: they match when the value differs */
  readonly negated: boolean;
  /** true for the Like forms (and ArnEquals, which also takes wildcards): `*` and `?` are wildcards */
  readonly supportsWildcards: boolean;
  /** true when value comparison ignores case */
  readonly ignoresCase: boolean;
}

function op(
  name: string,
  family: OperatorFamily,
  valueType: OperatorValueType,
  description: string,
  extra: { negated?: boolean; wildcards?: boolean; ignoreCase?: boolean } = {},
): OperatorInfo {
  return {
    name,
    family,
    valueType,
    description,
    allowsIfExists: family !== 'Null',
    allowsVariables: family === 'String' || family === 'Arn' || family === 'Bool',
    negated: extra.negated ?? false,
    supportsWildcards: extra.wildcards ?? false,
    ignoresCase: extra.ignoreCase ?? false,
  };
}

/** Every condition operator IAM accepts (without IfExists / set qualifiers), in documentation order. */
export const CONDITION_OPERATORS: readonly OperatorInfo[] = [
  op('StringEquals', 'String', 'string', 'Exact, case-sensitive string match. The request value must equal one of the listed values.'),
  op('StringNotEquals', 'String', 'string', 'Negated exact, case-sensitive string match. True when the request value equals none of the listed values (and, without IfExists, also when the key is absent).', { negated: true }),
  op('StringEqualsIgnoreCase', 'String', 'string', 'Exact string match ignoring case. The request value must equal one of the listed values, case-insensitively.', { ignoreCase: true }),
  op('StringNotEqualsIgnoreCase', 'String', 'string', 'Negated string match ignoring case. True when the request value equals none of the listed values, case-insensitively.', { negated: true, ignoreCase: true }),
  op('StringLike', 'String', 'string', 'Case-sensitive match with wildcards: `*` matches any run of characters and `?` any single character.', { wildcards: true }),
  op('StringNotLike', 'String', 'string', 'Negated case-sensitive wildcard match. True when the request value matches none of the listed patterns.', { negated: true, wildcards: true }),
  op('NumericEquals', 'Numeric', 'number', 'The request value, read as a number, equals one of the listed numbers.'),
  op('NumericNotEquals', 'Numeric', 'number', 'The request value, read as a number, equals none of the listed numbers.', { negated: true }),
  op('NumericLessThan', 'Numeric', 'number', 'The request value is less than the listed number.'),
  op('NumericLessThanEquals', 'Numeric', 'number', 'The request value is less than or equal to the listed number.'),
  op('NumericGreaterThan', 'Numeric', 'number', 'The request value is greater than the listed number.'),
  op('NumericGreaterThanEquals', 'Numeric', 'number', 'The request value is greater than or equal to the listed number.'),
  op('DateEquals', 'Date', 'date', 'The request date equals the listed date (ISO 8601, or epoch seconds for aws:EpochTime).'),
  op('DateNotEquals', 'Date', 'date', 'The request date differs from the listed dates.', { negated: true }),
  op('DateLessThan', 'Date', 'date', 'The request date is before the listed date (ISO 8601, e.g. 2020-01-01T00:00:00Z).'),
  op('DateLessThanEquals', 'Date', 'date', 'The request date is at or before the listed date.'),
  op('DateGreaterThan', 'Date', 'date', 'The request date is after the listed date.'),
  op('DateGreaterThanEquals', 'Date', 'date', 'The request date is at or after the listed date.'),
  op('Bool', 'Bool', 'boolean', 'Boolean match: the key\'s value must equal `true` or `false` as listed.'),
  op('BinaryEquals', 'Binary', 'base64', 'Byte-for-byte match of a binary key value; the policy lists the expected value base64-encoded.'),
  op('IpAddress', 'IpAddress', 'cidr', 'The request IP address is inside one of the listed IPv4 or IPv6 CIDR ranges (a bare address means /32 or /128).'),
  op('NotIpAddress', 'IpAddress', 'cidr', 'The request IP address is outside all of the listed CIDR ranges.', { negated: true }),
  op('ArnEquals', 'Arn', 'arn', 'ARN match, comparing each of the six colon-separated segments separately; wildcards work as with ArnLike.', { wildcards: true }),
  op('ArnLike', 'Arn', 'arn', 'ARN match with `*`/`?` wildcards, segment by segment (each ARN must have all six segments).', { wildcards: true }),
  op('ArnNotEquals', 'Arn', 'arn', 'Negated ARN match: true when the ARN matches none of the listed ARNs.', { negated: true, wildcards: true }),
  op('ArnNotLike', 'Arn', 'arn', 'Negated ARN wildcard match: true when the ARN matches none of the listed patterns.', { negated: true, wildcards: true }),
  op('Null', 'Null', 'boolean', 'Tests whether the key is present: `true` means the key must be absent (null), `false` means it must be present with a value.'),
];

const BY_NAME = new Map(CONDITION_OPERATORS.map((o) => [o.name, o]));
const BY_LOWER = new Map(CONDITION_OPERATORS.map((o) => [o.name.toLowerCase(), o]));

/** An operator base by exact (case-sensitive) name. */
export function getOperator(name: string): OperatorInfo | undefined {
  return BY_NAME.get(name);
}

export interface ParsedOperator {
  readonly operator: OperatorInfo;
  readonly ifExists: boolean;
  readonly qualifier: SetQualifier | undefined;
  /** the canonical spelling of the whole operator, e.g. "ForAnyValue:StringLikeIfExists" */
  readonly canonical: string;
}

const QUALIFIERS: readonly SetQualifier[] = ['ForAllValues', 'ForAnyValue'];
const IF_EXISTS = 'IfExists';

function compose(qualifier: SetQualifier | undefined, base: string, ifExists: boolean): string {
  return `${qualifier ? qualifier + ':' : ''}${base}${ifExists ? IF_EXISTS : ''}`;
}

function parseWith(text: string, ignoreCase: boolean): ParsedOperator | undefined {
  const eq = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  let rest = text;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = QUALIFIERS.find((candidate) => eq(candidate, rest.slice(0, colon)));
    if (!q) return undefined;
    qualifier = q;
    rest = rest.slice(colon + 1);
  }
  const lookup = (name: string) => (ignoreCase ? BY_LOWER.get(name.toLowerCase()) : BY_NAME.get(name));
  // Exact base first, so a future operator whose name ends in "IfExists" would still be found.
  let info = lookup(rest);
  let ifExists = false;
  if (!info && rest.length > IF_EXISTS.length && eq(rest.slice(-IF_EXISTS.length), IF_EXISTS)) {
    info = lookup(rest.slice(0, -IF_EXISTS.length));
    ifExists = info !== undefined;
  }
  if (!info) return undefined;
  return { operator: info, ifExists, qualifier, canonical: compose(qualifier, info.name, ifExists) };
}

/**
 * Parses an operator as written in a policy, case-sensitively as IAM does: "ForAnyValue:StringLikeIfExists"
 * → {operator: StringLike, ifExists: true, qualifier: 'ForAnyValue'}. Returns undefined for anything IAM
 * rejects as an unknown operator. Note it does NOT reject "NullIfExists" or "ForAllValues:Null": those parse
 * (so rules can give a specific message); check `operator.allowsIfExists` / the qualifier yourself.
 */
export function parseOperator(text: string): ParsedOperator | undefined {
  return parseWith(text, false);
}

/**
 * The canonical spelling of an operator written with the wrong case ("stringequals" → "StringEquals",
 * "forallvalues:stringlike" → "ForAllValues:StringLike"); undefined when it is unknown in any case.
 */
export function canonicalOperatorCase(text: string): string | undefined {
  return parseWith(text, true)?.canonical;
}

/** Every valid base operator name plus its IfExists form, for completion (set qualifiers not included). */
export function allOperatorNames(): string[] {
  const names: string[] = [];
  for (const o of CONDITION_OPERATORS) {
    names.push(o.name);
    if (o.allowsIfExists) names.push(o.name + IF_EXISTS);
  }
  return names;
}

/** Operator families suited to each condition-key type, best first. Null suits every key. */
const FAMILIES_FOR_KEY_TYPE: Readonly<Record<ConditionKeyType, readonly OperatorFamily[]>> = {
  String: ['String'],
  // ARN keys: Arn* is the intended family; String* also works (whole-string compare), AA only hints.
  ARN: ['Arn', 'String'],
  Bool: ['Bool'],
  Numeric: ['Numeric'],
  // aws:EpochTime and other Date keys also accept Numeric comparisons against epoch seconds.
  Date: ['Date', 'Numeric'],
  IPAddress: ['IpAddress'],
};

/** The families suited to a key type (Binary keys are typed "Binary" in the service data: use 'Binary'). */
export function familiesForKeyType(type: ConditionKeyType | 'Binary'): readonly OperatorFamily[] {
  if (type === 'Binary') return ['Binary'];
  return FAMILIES_FOR_KEY_TYPE[type] ?? [];
}

/** Operators valid for a key type, plus Null (which tests presence and suits every key). Best family first. */
export function operatorsForKeyType(type: ConditionKeyType | 'Binary'): readonly OperatorInfo[] {
  const families = familiesForKeyType(type);
  const out: OperatorInfo[] = [];
  for (const family of families) for (const o of CONDITION_OPERATORS) if (o.family === family) out.push(o);
  out.push(BY_NAME.get('Null')!);
  return out;
}

/** Whether an operator family is suited to a key type (Null always is). */
export function familySuitsKeyType(family: OperatorFamily, type: ConditionKeyType | 'Binary'): boolean {
  return family === 'Null' || familiesForKeyType(type).includes(family);
}
