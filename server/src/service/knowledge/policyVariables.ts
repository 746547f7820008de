// Scanner and validator for IAM policy variables inside one string: `${aws:username}`, defaults
// `${aws:PrincipalTag/team, 'none'}`, escapes `${*}` `${?}` `${$}`. Works on the decoded string value; it
// does not decide where variables are allowed (rules do) nor whether a key exists (the catalog does).

export type VariableProblem =
  /** `${` with no closing `}` */
  | 'missing-brace'
  /** `${}` or `${ }` */
  | 'empty'
  /** whitespace inside the key name: `${aws: username}` */
  | 'space'
  /** a default value not in single quotes: `${aws:username, guest}` */
  | 'missing-quote';

export interface PolicyVariable {
  /** index of `$` in the string */
  readonly start: number;
  /** index just past the closing `}` (or the end of the string when unclosed) */
  readonly end: number;
  /**
   * 'escape' for ${*} ${?} ${$}; 'deploy-time' for a Serverless Framework variable (`${self:…}`, `${opt:…}`,
   * `${ssm:…}`, `${cf:…}`…), replaced before the policy reaches IAM; 'variable' otherwise
   */
  readonly kind: 'variable' | 'escape' | 'deploy-time';
  /** the key name, trimmed ("aws:username"); for escapes the escaped character */
  readonly name: string;
  /** the default value without quotes, when one is given correctly */
  readonly defaultValue: string | undefined;
  readonly problem: VariableProblem | undefined;
}

const ESCAPES = new Set(['*', '?', '$']);

/** Every `${...}` in the string, left to right, with its problem if it is malformed. */
export function scanPolicyVariables(text: string): PolicyVariable[] {
  const out: PolicyVariable[] = [];
  let i = text.indexOf('${');
  while (i >= 0) {
    const close = text.indexOf('}', i + 2);
    if (close < 0) {
      out.push({ start: i, end: text.length, kind: 'variable', name: text.slice(i + 2).trim(), defaultValue: undefined, problem: 'missing-brace' });
      break;
    }
    const inner = text.slice(i + 2, close);
    out.push(analyse(inner, i, close + 1));
    i = text.indexOf('${', close + 1);
  }
  return out;
}

function analyse(inner: string, start: number, end: number): PolicyVariable {
  if (ESCAPES.has(inner)) return { start, end, kind: 'escape', name: inner, defaultValue: undefined, problem: undefined };
  if (isDeployTimeVariable(inner)) return { start, end, kind: 'deploy-time', name: inner.trim(), defaultValue: undefined, problem: undefined };
  const comma = inner.indexOf(',');
  const rawName = comma < 0 ? inner : inner.slice(0, comma);
  const name = rawName.trim();
  const base = { start, end, kind: 'variable' as const, name };
  if (name === '') return { ...base, defaultValue: undefined, problem: 'empty' };
  if (/\s/.test(name)) return { ...base, defaultValue: undefined, problem: 'space' };
  if (comma < 0) return { ...base, defaultValue: undefined, problem: undefined };
  const rest = inner.slice(comma + 1).trim();
  const quoted = /^'([^']*)'$/.exec(rest);
  if (!quoted) return { ...base, defaultValue: undefined, problem: 'missing-quote' };
  return { ...base, defaultValue: quoted[1], problem: undefined };
}

/** True when the string has at least one `${` (well-formed or not). */
export function hasPolicyVariable(text: string): boolean {
  return text.includes('${');
}

/**
 * Index in an ARN string where the resource part starts (just after the 5th colon, not counting colons
 * inside `${...}`), or -1 when the ARN has fewer than 6 segments. Variables are meant to be used only from
 * this index on (IAM User Guide, policy variables: "Resource element ... in the last part of the ARN").
 */
export function arnResourcePartStart(arn: string): number {
  let colons = 0;
  let depth = 0;
  for (let i = 0; i < arn.length; i++) {
    const c = arn[i];
    if (c === '$' && arn[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0 && ++colons === 5) return i + 1;
  }
  return -1;
}

/** Human wording for a problem, used in messages. */
export function describeVariableProblem(problem: VariableProblem): string {
  switch (problem) {
    case 'missing-brace':
      return 'is missing its closing "}"';
    case 'empty':
      return 'is empty';
    case 'space':
      return 'has a space in the key name';
    case 'missing-quote':
      return "has a default value that is not in single quotes (write ${key, 'default'})";
  }
}

/**
 * Serverless Framework variable sources (serverless.com/framework/docs/guides/variables): self, opt, env, sls,
 * param, file(…), cf / cf.REGION, s3 (bucket/key), ssm, and its aws:accountId / aws:region. None of them is an
 * IAM policy variable: no service prefix is "self", "opt", "env", "sls", "param", "cf" or "file(", no SSM
 * condition key is used as a variable, and IAM has no aws:accountId or aws:region key (its keys are
 * aws:PrincipalAccount and aws:RequestedRegion). An `${s3:…}` counts only in its bucket/key form
 * ("s3:my-bucket/key"), since `${s3:prefix}` style request keys could be IAM variables.
 */
export function isDeployTimeVariable(inner: string): boolean {
  const name = inner.trim();
  if (/^(self|opt|env|sls|param|ssm|cf(\.[a-z0-9-]+)?):/.test(name) || name.startsWith('file(')) return true;
  if (name === 'aws:accountId' || name === 'aws:region') return true;
  return /^s3:[a-z0-9.-]+\/./.test(name);
}

/** True when the whole value is a value only known at deploy time: a Serverless variable or a dynamic reference. */
export function isWholeDeployTimeValue(value: string): boolean {
  if (value.startsWith('{{resolve:') && value.endsWith('}}') && value.indexOf('}}') === value.length - 2) return true;
  if (!value.startsWith('${') || !value.endsWith('}')) return false;
  const vars = scanPolicyVariables(value);
  return vars.length === 1 && vars[0]!.kind === 'deploy-time' && vars[0]!.end === value.length;
}
