// SAM policy templates in a function's Policies list (`- S3ReadPolicy: {BucketName: !Ref Bucket}`): expands a known
// template into the policy document SAM generates, in CloudFormation form (Fn::Sub over the user's parameter
// values, which resolveIntrinsics.ts then resolves like any template value), or reports a name SAM does not define.
// Every generated node points at the template's entry in the file (a parameter's value where one is used), so
// findings land on the line the user wrote. The data is samPolicyTemplateTable.ts; this module does not find slots.

import { properties, propertyKey, propertyKeyNode, propertyValue, type JsonNode, type SyntaxProblem } from '../jsonTree';
import { editDistance } from '../../knowledge/suggest';
import { cloneNode, containerNode, propertyNode, scalarNode, type MutableNode } from './nodes';
import { intrinsicOf } from './resolveIntrinsics';
import { SAM_POLICY_TEMPLATES, samTemplateParameters, type SamTemplateStatement } from './samPolicyTemplateTable';

/**
 * Actions a documented template lists that the Service Authorization Reference does not: SQS authorizes its batch
 * calls with the single-message action (ChangeMessageVisibilityBatch by ChangeMessageVisibility), so granting these
 * has no effect. Left out of the expansion: an error there would be SAM's, on a line the user cannot change.
 */
export const SAM_ACTIONS_NOT_IN_IAM: ReadonlySet<string> = new Set(['sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessageBatch']);

export type SamEntry =
  /** a documented template, expanded: `document` is a policy document in CloudFormation form */
  | { readonly kind: 'expanded'; readonly name: string; readonly document: MutableNode; readonly problems: readonly SyntaxProblem[] }
  /** a documented template this tool does not expand (its name is known, so nothing is reported) */
  | { readonly kind: 'known'; readonly name: string; readonly problems: readonly SyntaxProblem[] }
  /** a `{Name: {...}}` entry whose name SAM does not document */
  | { readonly kind: 'unknown'; readonly name: string; readonly problems: readonly SyntaxProblem[] }
  /** not a policy template at all (a managed policy name, an intrinsic, an inline document) */
  | { readonly kind: 'none'; readonly problems: readonly SyntaxProblem[] };

/** A Policies item of the form `{TemplateName: {Param: value, …}}` (or `{TemplateName: {}}`). */
export function readSamPolicyEntry(item: JsonNode): SamEntry {
  const none = { kind: 'none', problems: [] } as const;
  if (item.type !== 'object' || intrinsicOf(item)) return none;
  const props = properties(item);
  if (props.length !== 1) return none;
  const prop = props[0]!;
  const name = propertyKey(prop);
  const keyNode = propertyKeyNode(prop);
  const params = propertyValue(prop);
  // an inline document's keys, or a value that cannot be a parameter map: not a template entry
  if (!keyNode || ['Version', 'Statement', 'Id'].includes(name)) return none;
  if (params && params.type !== 'object' && params.type !== 'null') return none;
  const template = Object.prototype.hasOwnProperty.call(SAM_POLICY_TEMPLATES, name) ? SAM_POLICY_TEMPLATES[name] : undefined;
  if (!template) return { kind: 'unknown', name, problems: [unknownTemplateProblem(name, keyNode)] };
  if (!template.statements) return { kind: 'known', name, problems: [] };
  const values = new Map<string, JsonNode>();
  for (const p of properties(params)) {
    const v = propertyValue(p);
    if (v) values.set(propertyKey(p), v);
  }
  const problems = parameterProblems(name, template.statements, keyNode, properties(params), values);
  const document = expand(template.statements, keyNode, values);
  // the document as a whole is the entry (name and parameters): edits anywhere in it are not fixes
  document.offset = item.offset;
  document.length = item.length;
  return { kind: 'expanded', name, document, problems };
}

/** The documented template names closest to `name`: a different case first, then up to three within a few edits. */
export function closeSamTemplateNames(name: string): string[] {
  const lower = name.toLowerCase();
  const max = Math.max(2, Math.min(5, Math.floor(name.length / 4)));
  const scored: { name: string; d: number }[] = [];
  for (const candidate of Object.keys(SAM_POLICY_TEMPLATES)) {
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), max);
    if (d <= max) scored.push({ name: candidate, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).slice(0, 3).map((s) => s.name);
}

function unknownTemplateProblem(name: string, keyNode: JsonNode): SyntaxProblem {
  const candidates = closeSamTemplateNames(name);
  // a name that differs only in case is the one meant (SAM's names are matched exactly)
  const close = candidates.filter((c) => c.toLowerCase() === name.toLowerCase()).slice(0, 1);
  if (close.length === 0) close.push(...candidates);
  const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
  // (a template newer than this tool's list also lands here: the rule is a warning and its docs say so)
  const message = `Unknown SAM policy template "${name}": it is not in the AWS SAM policy template list, so SAM does not expand it.${hint}`;
  return { offset: keyNode.offset, length: keyNode.length, message, source: 'sam-template' };
}

// ---- parameters ---------------------------------------------------------------------------------------------------

/**
 * The parameter problems SAM would meet: a parameter the template uses but the entry does not give, a key the
 * template does not take, and an ARN given where the template builds the ARN around a name (`BucketName:
 * !GetAtt Bucket.Arn` gives `arn:…:s3:::arn:…`, which matches no bucket).
 */
function parameterProblems(name: string, statements: readonly SamTemplateStatement[], keyNode: JsonNode, given: readonly JsonNode[], values: ReadonlyMap<string, JsonNode>): SyntaxProblem[] {
  const forms = statements.flatMap((s) => [...s.resources, ...(s.condition ? [s.condition.value] : [])]);
  const params = samTemplateParameters({ anchor: '', statements });
  const out: SyntaxProblem[] = [];
  const problem = (node: JsonNode, message: string): void => void out.push({ offset: node.offset, length: node.length, message, source: 'sam-parameter' });
  const takes = params.length === 0 ? 'it takes no parameters' : `it takes ${params.map((p) => `"${p}"`).join(', ')}`;
  const missing = params.filter((p) => !values.has(p));
  if (missing.length > 0) problem(keyNode, `SAM policy template "${name}" needs ${missing.map((p) => `"${p}"`).join(', ')}: SAM cannot expand the template without ${missing.length === 1 ? 'it' : 'them'}.`);
  for (const prop of given) {
    const key = propertyKey(prop);
    const keyOf = propertyKeyNode(prop);
    if (!params.includes(key)) {
      if (keyOf) problem(keyOf, `"${key}" is not a parameter of SAM policy template "${name}": ${takes}.`);
      continue;
    }
    // a parameter the template writes inside an ARN (not one that is the whole resource, like SecretArn)
    const insideArn = forms.some((f) => f.includes(`\${${key}}`) && f !== `\${${key}}`);
    const value = values.get(key);
    if (insideArn && value && givesArn(value)) problem(value, `"${key}" takes a name, not an ARN: SAM policy template "${name}" builds the ARN around it, so an ARN here matches nothing.`);
  }
  return out;
}

/** A literal `arn:…` string, or `!GetAtt X.Arn` (any attribute ending in Arn). */
function givesArn(node: JsonNode): boolean {
  if (node.type === 'string') return typeof node.value === 'string' && node.value.startsWith('arn:');
  const fn = intrinsicOf(node);
  if (fn?.fn !== 'Fn::GetAtt') return false;
  const arg = fn.arg;
  const attr = arg?.type === 'string' ? String(arg.value).split('.').slice(1).join('.') : arg?.type === 'array' ? String(arg.children?.[1]?.value ?? '') : '';
  return /Arn$/.test(attr);
}

// ---- expansion --------------------------------------------------------------------------------------------------

function expand(statements: readonly SamTemplateStatement[], at: JsonNode, values: ReadonlyMap<string, JsonNode>): MutableNode {
  const str = (value: string): MutableNode => scalarNode('string', value, at.offset, at.length);
  const obj = (entries: readonly (readonly [string, MutableNode])[], span: { offset: number; length: number } = at): MutableNode => {
    const node = containerNode('object', span.offset, span.length, entries.map(([k, v]) => propertyNode(str(k), v)));
    for (const p of node.children!) {
      p.offset = span.offset;
      p.length = span.length;
    }
    return node;
  };
  const arr = (items: MutableNode[]): MutableNode => containerNode('array', at.offset, at.length, items);

  /** `*` stays a string; any other form becomes Fn::Sub with the user's parameter values as its variables. */
  const form = (text: string): MutableNode => {
    if (!text.includes('${')) return str(text);
    const used = [...new Set([...text.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]!).filter((n) => !n.startsWith('AWS::')))];
    if (used.length === 0) return obj([['Fn::Sub', str(text)]]);
    // a parameter the entry does not give stays a Ref to it: unknown, as it is to SAM (which then fails)
    const vars = used.map((n) => [n, values.has(n) ? cloneNode(values.get(n)!) : obj([['Ref', str(n)]])] as const);
    const given = used.filter((n) => values.has(n));
    // the generated string points at the parameter's value when exactly one given parameter makes it
    const span = given.length === 1 ? values.get(given[0]!)! : at;
    return obj([['Fn::Sub', arr([str(text), obj(vars)])]], span);
  };

  const statementNodes = statements.map((s) => {
    const actions = s.actions.filter((a) => !SAM_ACTIONS_NOT_IN_IAM.has(a));
    const entries: (readonly [string, MutableNode])[] = [
      ['Effect', str('Allow')],
      ['Action', arr(actions.map(str))],
      ['Resource', arr(s.resources.map(form))],
    ];
    if (s.condition) entries.push(['Condition', obj([[s.condition.operator, obj([[s.condition.key, form(s.condition.value)]])]])]);
    return obj(entries);
  });
  // SAM writes no Version; the generated document is given the current one so that a finding about the missing
  // element (which the user cannot add to a template SAM writes) does not appear on every template entry
  return obj([
    ['Version', str('2012-10-17')],
    ['Statement', arr(statementNodes)],
  ]);
}
