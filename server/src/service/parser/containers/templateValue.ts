// Strings whose real value is only known at deploy time: CloudFormation intrinsics (Ref, Fn::GetAtt, Fn::Sub…)
// and Terraform interpolations. They stay jsonc "string" nodes (so the grammar/type rules see a string) and carry
// a `template` marker:
//   - "templated": the literal parts are real and each unknown part became `*` (only in Action/Resource, where
//     `*` is a wildcard IAM understands); the model keeps it in `items`, so ARN/action rules check the literal parts;
//   - "opaque": nothing is known (a Ref, a GetAtt, a placeholder inside a Principal or Condition value where `*` is
//     not a wildcard); the model leaves it out of `items`/`values`, so no rule can judge a value it cannot see. Its
//     `value` is the expression as written, so two different expressions never look equal to a raw-node reader.
// This module also substitutes `${…}` placeholders; it does not find or resolve intrinsics (resolveIntrinsics.ts).

import type { JsonNode } from '../jsonTree';

export interface TemplateInfo {
  readonly kind: 'opaque' | 'templated';
  /** the construct, e.g. "Ref", "Fn::Sub", "Fn::GetAtt", "interpolation", "reference" */
  readonly fn: string;
  /**
   * CloudFormation only: the ARN shape the value has once deployed (cfnShapes.ts: one-segment placeholders as
   * SEGMENT, unknown ones as `*`), when it is more than the `*` form says; set on opaque nodes too (`!GetAtt Q.Arn`)
   */
  readonly shape?: string;
  /** with a shape: the expression as written, for messages ("arn:${AWS::Partition}:s3:::${Bucket}", "Queue.Arn") */
  readonly source?: string;
}

/** The marker on a node built from an intrinsic or interpolation, if any. */
export function templateOf(node: JsonNode | undefined): TemplateInfo | undefined {
  const t = (node as { template?: unknown } | undefined)?.template;
  return t && typeof t === 'object' && 'kind' in t ? (t as TemplateInfo) : undefined;
}

/** True for a value nothing is known about: rules must not judge it (the model already leaves it out). */
export function isOpaque(node: JsonNode | undefined): boolean {
  return templateOf(node)?.kind === 'opaque';
}

/** True when the node's value came from a template (opaque or templated). */
export function isTemplated(node: JsonNode | undefined): boolean {
  return templateOf(node) !== undefined;
}

/** Pseudo parameters with one value safe to assume everywhere (the rest become unknown parts). */
const PSEUDO_VALUES: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

export function pseudoParameterValue(name: string): string | undefined {
  return PSEUDO_VALUES[name];
}

export interface Substituted {
  /** the text with every unknown placeholder replaced by `replacement` */
  readonly value: string;
  /** how many placeholders were unknown */
  readonly unknown: number;
}

/**
 * IAM policy variables (`${aws:username}`, `${s3:prefix}`, `${*}`, `${?}`, `${$}`) look like placeholders but
 * are kept as written: a name with a single colon (a CloudFormation pseudo parameter has `::`) or one of the three
 * special characters.
 */
export function isIamVariableName(name: string): boolean {
  if (name === '*' || name === '?' || name === '$') return true;
  return /^[A-Za-z0-9.-]+:[^:]/.test(name) && !name.includes('::');
}

/**
 * Fn::Sub: `${Name}` / `${Res.Attr}` / `${AWS::Region}` → known value or `replacement`; `${!Literal}` → `${Literal}`;
 * IAM variables stay. `known` gives values from the Fn::Sub variable map when they are literal strings.
 */
export function substituteCfn(text: string, replacement: string | ((name: string) => string), known: ReadonlyMap<string, string> = new Map()): Substituted {
  let out = '';
  let unknown = 0;
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0) break;
    const end = text.indexOf('}', start + 2);
    if (end < 0) break;
    out += text.slice(i, start);
    const name = text.slice(start + 2, end).trim();
    if (name.startsWith('!')) out += `\${${name.slice(1)}}`;
    else if (isIamVariableName(name)) out += text.slice(start, end + 1);
    else {
      const v = known.get(name) ?? pseudoParameterValue(name);
      if (v !== undefined) out += v;
      else {
        out += typeof replacement === 'string' ? replacement : replacement(name);
        unknown++;
      }
    }
    i = end + 1;
  }
  return { value: out + text.slice(i), unknown };
}

/**
 * Terraform string templates: `${expr}` (braces may nest, strings inside may hold braces) and `%{directive}` are
 * unknown, except IAM variables written `$${aws:username}` (the HCL escape for a literal `${`) or, in a heredoc
 * read as JSON, `${aws:username}` which Terraform would reject anyway: kept as the IAM variable.
 */
export function substituteTerraform(text: string, replacement: string): Substituted {
  let out = '';
  let unknown = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      out += `${c}{`; // escape: a literal ${ or %{
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const end = matchingBrace(text, i + 1);
      if (end < 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, end).trim();
      if (c === '$' && isIamVariableName(inner)) out += text.slice(i, end + 1);
      else {
        out += replacement;
        unknown++;
      }
      i = end + 1;
      continue;
    }
    out += c;
    i++;
  }
  return { value: out, unknown };
}

/** Index of the `}` closing the `{` at `open`, skipping quoted strings; -1 if none. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let quote = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * A wildcard-filled value is only worth checking when its shape is still meaningful: an ARN that starts with a
 * literal `arn:`, or an action with a literal service prefix. `${Bucket.Arn}/*` would become `*` + `/*`: no ARN.
 */
export function plausibleWithWildcards(text: string): boolean {
  if (text.startsWith('arn:')) return true;
  return /^[A-Za-z0-9-]+:[^:]*$/.test(text) && !text.startsWith('*');
}

/**
 * The marker and value a string with `unknown` placeholders gets: templated (wildcards) or opaque. An opaque value
 * keeps `source` (the expression as written) so different expressions never compare equal.
 */
export function templateFor(value: string, unknown: number, wildcardSlot: boolean, fn: string, source: string): { value: string; template: TemplateInfo } {
  if (unknown === 0 || (wildcardSlot && plausibleWithWildcards(value))) return { value, template: { kind: 'templated', fn } };
  return { value: source, template: { kind: 'opaque', fn } };
}
