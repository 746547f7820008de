// The ARN shape of a CloudFormation placeholder: what `${Name}`, `${Res.Attr}`, `Ref` and `Fn::GetAtt` stand for
// once deployed, as far as the template itself tells. CloudFormation substitutes the value verbatim (Fn::Sub:
// "the same value as if you used Ref / Fn::GetAtt"), so a shape is only as exact as what the value can hold:
//   - SEGMENT (one ARN segment: some text without "/" or ":") for pseudo parameters with such values, parameters
//     of a scalar type with no Default/AllowedValues holding "/" or ":", and Ref of a resource type whose Ref is a
//     name or an id (table below);
//   - an ARN pattern for `X.Arn` (and Ref where it returns an ARN) of a resource type in the table;
//   - `*` (anything) otherwise: unknown names, other attributes, list parameters, values that may hold a path.
// Shapes are only read by rules that match ARNs against resource types (RESOURCE_MISMATCH); the value the other
// rules see stays the `*` form. Nothing here knows the IAM catalog: the table holds ARN patterns directly.

import { properties, propertyKey, propertyValue, type JsonNode } from '../jsonTree';

/** One ARN segment of unknown text (no "/" and no ":"): a private-use character knowledge/arnMatch.ts reads as such. */
export const SEGMENT = '\uE000';
const S = SEGMENT;

interface ReturnValues {
  /** what Ref returns: 'segment' (a name or an id), an ARN pattern, or undefined (a URL, a path-like name…) */
  readonly ref?: string;
  /** Fn::GetAtt attributes whose value is an ARN, as ARN patterns */
  readonly attrs?: Readonly<Record<string, string>>;
}

const SEG_REF = 'segment';

/**
 * CloudFormation resource type → Ref / Fn::GetAtt return values, from each type's "Return values" section in the
 * CloudFormation Template Reference (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-
 * <service>-<type>.html#…-return-values). Names that may hold "/" (IAM paths, log group, secret and repository
 * names, SSM parameter names) are `*`, never SEGMENT; SQS's Ref is the queue URL, so it has no shape.
 */
const RETURN_VALUES: Readonly<Record<string, ReturnValues>> = {
  'AWS::S3::Bucket': { ref: SEG_REF, attrs: { Arn: `arn:${S}:s3:::${S}` } },
  'AWS::SQS::Queue': { attrs: { Arn: `arn:${S}:sqs:${S}:${S}:${S}` } },
  'AWS::SNS::Topic': { ref: `arn:${S}:sns:${S}:${S}:${S}`, attrs: { TopicArn: `arn:${S}:sns:${S}:${S}:${S}` } },
  'AWS::DynamoDB::Table': { ref: SEG_REF, attrs: { Arn: `arn:${S}:dynamodb:${S}:${S}:table/${S}`, StreamArn: `arn:${S}:dynamodb:${S}:${S}:table/${S}/stream/${S}` } },
  'AWS::Lambda::Function': { ref: SEG_REF, attrs: { Arn: `arn:${S}:lambda:${S}:${S}:function:${S}` } },
  'AWS::IAM::Role': { ref: SEG_REF, attrs: { Arn: `arn:${S}:iam::${S}:role/*` } },
  'AWS::IAM::User': { ref: SEG_REF, attrs: { Arn: `arn:${S}:iam::${S}:user/*` } },
  'AWS::IAM::ManagedPolicy': { ref: `arn:${S}:iam::${S}:policy/*`, attrs: { PolicyArn: `arn:${S}:iam::${S}:policy/*` } },
  'AWS::KMS::Key': { ref: SEG_REF, attrs: { Arn: `arn:${S}:kms:${S}:${S}:key/${S}` } },
  'AWS::Kinesis::Stream': { ref: SEG_REF, attrs: { Arn: `arn:${S}:kinesis:${S}:${S}:stream/${S}` } },
  'AWS::StepFunctions::StateMachine': { ref: `arn:${S}:states:${S}:${S}:stateMachine:${S}`, attrs: { Arn: `arn:${S}:states:${S}:${S}:stateMachine:${S}` } },
  'AWS::Logs::LogGroup': { attrs: { Arn: `arn:${S}:logs:${S}:${S}:log-group:*` } },
  'AWS::SecretsManager::Secret': { ref: `arn:${S}:secretsmanager:${S}:${S}:secret:*` },
  'AWS::ECR::Repository': { attrs: { Arn: `arn:${S}:ecr:${S}:${S}:repository/*` } },
};

/** Pseudo parameters whose value is one segment (AWS::StackId is an ARN, AWS::NotificationARNs a list: unknown). */
const SEGMENT_PSEUDO = new Set(['AWS::AccountId', 'AWS::Region', 'AWS::StackName', 'AWS::Partition', 'AWS::URLSuffix']);

/** What the template declares: parameters (whether each holds one segment) and resources (their types). */
export interface TemplateSymbols {
  readonly parameters: ReadonlyMap<string, boolean>;
  readonly resources: ReadonlyMap<string, string>;
}

export const NO_SYMBOLS: TemplateSymbols = { parameters: new Map(), resources: new Map() };

function entries(node: JsonNode | undefined): Map<string, JsonNode | undefined> {
  return new Map(properties(node).map((p) => [propertyKey(p), propertyValue(p)] as const));
}

/** The Parameters and Resources sections of a template root. */
export function templateSymbols(root: JsonNode | undefined): TemplateSymbols {
  const top = entries(root);
  const parameters = new Map<string, boolean>();
  for (const [name, decl] of entries(top.get('Parameters'))) parameters.set(name, parameterIsSegment(entries(decl)));
  const resources = new Map<string, string>();
  for (const [name, decl] of entries(top.get('Resources'))) {
    const type = entries(decl).get('Type')?.value;
    if (typeof type === 'string') resources.set(name, type);
  }
  return { parameters, resources };
}

/**
 * A parameter holds one segment when its type is a scalar (String, Number, an AWS-specific id type) and neither
 * its Default nor an AllowedValues entry holds "/" or ":" (then the template itself says the value may be a path
 * or an ARN). List types and SSM parameter types are unknown.
 */
function parameterIsSegment(decl: Map<string, JsonNode | undefined>): boolean {
  const type = decl.get('Type')?.value;
  if (typeof type !== 'string' || /List|CommaDelimited|SSM/.test(type)) return false;
  if (type !== 'String' && type !== 'Number' && !type.startsWith('AWS::')) return false;
  const holdsSeparator = (n: JsonNode | undefined): boolean => n?.type === 'string' && /[/:*]/.test(String(n.value));
  if (holdsSeparator(decl.get('Default'))) return false;
  const allowed = decl.get('AllowedValues');
  if (allowed?.type === 'array' && (allowed.children ?? []).some(holdsSeparator)) return false;
  return true;
}

/** Shape of `${name}` in Fn::Sub (a parameter, a resource's Ref, `Res.Attr`, a pseudo parameter); `*` if unknown. */
export function placeholderShape(name: string, symbols: TemplateSymbols): string {
  if (SEGMENT_PSEUDO.has(name)) return SEGMENT;
  const dot = name.indexOf('.');
  if (dot > 0) return getAttShape(name.slice(0, dot), name.slice(dot + 1), symbols) ?? '*';
  return refShape(name, symbols) ?? '*';
}

/** Shape of `Ref name`, or undefined when nothing is known. */
export function refShape(name: string, symbols: TemplateSymbols): string | undefined {
  if (SEGMENT_PSEUDO.has(name)) return SEGMENT;
  const param = symbols.parameters.get(name);
  if (param !== undefined) return param ? SEGMENT : undefined;
  const type = symbols.resources.get(name);
  const ref = type ? RETURN_VALUES[type]?.ref : undefined;
  return ref === SEG_REF ? SEGMENT : ref;
}

/** Shape of `Fn::GetAtt [resource, attribute]`, or undefined. */
export function getAttShape(resource: string, attribute: string, symbols: TemplateSymbols): string | undefined {
  const type = symbols.resources.get(resource);
  return type ? RETURN_VALUES[type]?.attrs?.[attribute] : undefined;
}

/** The resource and attribute of a Fn::GetAtt argument: "Res.Attr" or ["Res", "Attr"]. */
export function getAttTarget(arg: JsonNode | undefined): { resource: string; attribute: string } | undefined {
  if (arg?.type === 'string') {
    const s = String(arg.value);
    const dot = s.indexOf('.');
    return dot > 0 ? { resource: s.slice(0, dot), attribute: s.slice(dot + 1) } : undefined;
  }
  const [r, a] = arg?.type === 'array' ? (arg.children ?? []) : [];
  return r?.type === 'string' && a?.type === 'string' ? { resource: String(r.value), attribute: String(a.value) } : undefined;
}

/** The shape written for people: each SEGMENT as "…". */
export function displayShape(shape: string): string {
  return shape.split(SEGMENT).join('…');
}
