// Shared by the ARN-shape rules (R01–R07, R11, R12): checks one Resource/NotResource string once and lists
// every problem with its rule code, so each rule file only picks out its own code. Memoised per catalog.
// It judges the ARN's shape against the service's ARN templates; which actions the ARN suits is R08's job.

import type { IamCatalog, ResourceTypeInfo } from '../../knowledge/catalog';
import { arnExample } from '../../knowledge/arnExample';
import { isWholeDeployTimeValue } from '../../knowledge/policyVariables';
import { arnServiceSegments, resourceTypesForArnService } from '../../knowledge/arnIndex';
import { patternsOverlap, splitArnFields, templateTokens, tokenize, tokensOverlap } from '../../knowledge/arnMatch';
import { hasWildcard, globMatch } from '../../knowledge/glob';
import { closestMatch, editDistance } from '../../knowledge/suggest';
import { isKnownPartition, isKnownRegion, looksLikeRegion, PARTITION_IDS, ALL_REGIONS } from '../../knowledge/partitions';
import type { PolicyDocument, Located, Statement, StringListElement } from '../../parser/policyModel';
import type { Severity } from '../rule';
import { isTemplated } from '../../parser/containers/templateValue';
import { derive, DerivedKey } from '../../parser/derived';
import { perCatalog } from '../../knowledge/perCatalog';
import { StringMemo } from '../../util/stringMemo';

export interface ArnProblem {
  readonly code: string;
  readonly message: string;
  /** only when it differs from the rule's default severity */
  readonly severity?: Severity;
  readonly data?: Record<string, unknown>;
}

export interface ResourceItem {
  readonly statement: Statement;
  readonly element: StringListElement;
  readonly item: Located<string>;
  /** the value was assembled at deploy time; unknown parts read as `*` */
  readonly templated: boolean;
}

const RESOURCE_ITEMS = new DerivedKey<readonly ResourceItem[]>('resourceItems');

/** Every Resource and NotResource string of a policy, in document order; computed once per parsed policy. */
export function resourceItems(policy: PolicyDocument): readonly ResourceItem[] {
  return derive(policy, RESOURCE_ITEMS, () => {
    const out: ResourceItem[] = [];
    for (const statement of policy.statements) {
      const element = statement.resource;
      if (!element) continue;
      for (const item of element.items) out.push({ statement, element, item, templated: isTemplated(item.node) });
    }
    return out;
  });
}

// large enough for a 10,000-statement document: every ARN rule reads the same analysis
const memoOf = perCatalog(() => new StringMemo<readonly ArnProblem[]>(50_000));

export function analyseArn(catalog: IamCatalog, value: string): readonly ArnProblem[] {
  return memoOf(catalog).get(value, catalog, compute);
}

/**
 * The tokens of a resource type's template from field `spanFrom` (3: Region, 4: account, 5: resource) on, joined
 * by ":" as an ARN's rest is. Kept per resource type (a catalog object, so no string is built or hashed per ARN:
 * an ARN of a service with a hundred resource types compared its rest with a hundred freshly joined strings).
 */
const restTokensByType = new WeakMap<ResourceTypeInfo, Array<Int32Array | undefined>>();
function templateRestTokens(t: ResourceTypeInfo, spanFrom: number): Int32Array {
  let byField = restTokensByType.get(t);
  if (!byField) restTokensByType.set(t, (byField = []));
  let tokens = byField[spanFrom];
  if (!tokens) byField[spanFrom] = tokens = templateTokens(templateRest(t, spanFrom));
  return tokens;
}

/**
 * The template's fields from `spanFrom` on, joined by ":": the text after its spanFrom-th colon, so that a type
 * whose ARN never fits is never split (splitArnTemplate, most of a service's types). A template splitArnTemplate
 * would not parse as an ARN takes the split's fallback fields. `arnTemplateRest.test.ts` checks every catalog type.
 */
export function templateRest(t: ResourceTypeInfo, spanFrom: number): string {
  const arn = t.arn;
  let at = 0;
  let rest = -1;
  for (let colon = 1; colon <= 5; colon++) {
    const next = arn.indexOf(':', at);
    if (next < 0) return splitTemplateRest(t, spanFrom);
    at = next + 1;
    if (colon === spanFrom) rest = at;
  }
  // parseArn's test of the first field: "arn" in any case
  if (arn.charCodeAt(3) !== 58 || arn.slice(0, 3).toLowerCase() !== 'arn') return splitTemplateRest(t, spanFrom);
  return arn.slice(rest);
}

/** templateRest from the split template (its fallback fields for a template that is not an ARN) */
function splitTemplateRest(t: ResourceTypeInfo, spanFrom: number): string {
  return [t.template.region, t.template.account, t.template.resource].slice(spanFrom - 3).join(':');
}

/**
 * templateRestTokens of every type of one service segment's list (arnIndex.ts gives each segment one array per
 * catalog): one lookup per ARN instead of one per resource type (EC2 and IAM ARNs meet dozens).
 */
const restTokensByList = new WeakMap<readonly ResourceTypeInfo[], Array<readonly Int32Array[] | undefined>>();
function listRestTokens(templates: readonly ResourceTypeInfo[], spanFrom: number): readonly Int32Array[] {
  let byField = restTokensByList.get(templates);
  if (!byField) restTokensByList.set(templates, (byField = []));
  return (byField[spanFrom] ??= templates.map((t) => templateRestTokens(t, spanFrom)));
}

const FIELD_NAMES = ['prefix', 'partition', 'service', 'Region', 'account', 'resource'] as const;

function compute(value: string, catalog: IamCatalog): readonly ArnProblem[] {
  if (value === '*') return [];
  // API Gateway resource policies may write "execute-api:/stage/METHOD/path", which API Gateway expands to the
  // API's ARN (API Gateway Developer Guide, apigateway-resource-policies-examples)
  if (value.startsWith('execute-api:/')) return [];
  // "${cf:stack.QueueArn}", "{{resolve:ssm:/queue-arn}}": the ARN is only known at deploy time
  if (isWholeDeployTimeValue(value)) return [];
  const out: ArnProblem[] = [];
  const q = `"${value}"`;
  const fields = splitArnFields(value);
  // data.suggestion is always the whole corrected string: the quick fix replaces the flagged JSON string
  const withField = (f: number, v: string): string => fields.map((x, i) => (i === f ? v : x)).join(':');
  const prefix = fields[0]!;
  if (prefix !== 'arn') {
    if (prefix.toLowerCase() === 'arn') {
      out.push({ code: 'INVALID_ARN_PREFIX', message: `${q} must start with lowercase "arn:".`, data: { suggestion: `arn${value.slice(3)}` } });
    } else if (hasWildcard(prefix) && globMatch(prefix, 'arn', false)) {
      // "*:..." style patterns: a wildcard prefix still reaches ARNs; nothing more can be said about the rest
      return out;
    } else {
      out.push({ code: 'INVALID_ARN_PREFIX', message: `${q} is not an ARN: a resource must start with "arn:" or be "*".` });
      return out;
    }
  }
  if (fields.length < 6) {
    // IAM lets a trailing `*` span the remaining fields ("arn:aws:iam::*"), so that form is accepted as is
    if (!value.endsWith('*')) {
      out.push({
        code: 'MISSING_ARN_FIELD',
        message: `${q} has ${fields.length} of the 6 ARN fields "arn:partition:service:region:account:resource"; add the missing ones (an empty field is still written, as in "arn:aws:s3:::bucket").`,
      });
    }
  }
  // variables are substituted only in the resource part (R11); elsewhere they stay literal text
  // (in a short ARN every field present comes before the fifth colon)
  for (let f = 1; f <= Math.min(4, fields.length - 1); f++) {
    if (fields[f]!.includes('${')) {
      out.push({
        code: 'ARN_VARIABLE_BEFORE_RESOURCE',
        message: `${q} has a policy variable in its ${FIELD_NAMES[f]} field; IAM replaces variables only in the resource part, after the fifth colon.`,
        data: { field: FIELD_NAMES[f] },
      });
    }
  }
  const clean = (f: number): string | undefined => {
    const v = fields[f];
    if (v === undefined) return undefined;
    if (v.includes('${')) return '*';
    return v;
  };
  const partition = clean(1);
  if (partition !== undefined) {
    if (hasWildcard(partition) ? !PARTITION_IDS.some((p) => globMatch(partition, p, false)) : !isKnownPartition(partition)) {
      const suggestion = closestMatch(partition, PARTITION_IDS);
      out.push({
        code: 'INVALID_PARTITION',
        message: `Partition "${partition}" in ${q} is not an AWS partition${suggestion ? `. Did you mean "${suggestion}"?` : ` (${PARTITION_IDS.slice(0, 3).join(', ')}, …).`}`,
        data: suggestion ? { partition, suggestion: withField(1, suggestion) } : { partition },
      });
    }
  }
  // a variable in the service field is R11's finding; nothing else can be known about the ARN
  if (fields[2]?.includes('${')) return out;
  const service = clean(2);
  if (service === undefined || service === '') {
    if (service === '') out.push({ code: 'MISSING_ARN_FIELD', message: `${q} has an empty service field; name the service, as in "arn:aws:s3:::bucket".` });
    return out;
  }
  const spansRest = (f: number): boolean => fields.length - 1 === f && fields[f]!.endsWith('*');
  if (hasWildcard(service)) {
    if (service === '*' && (spansRest(2) || (fields.length === 6 && onlyStars(fields[5]!)))) return out; // R10's case
    out.push({
      code: 'WILDCARD_IN_ARN_SERVICE',
      message: `Service "${service}" in ${q} contains a wildcard; IAM does not allow wildcards in the service segment of an ARN, so name the service.`,
    });
    return out;
  }
  if (service !== service.toLowerCase()) {
    out.push({
      code: 'INVALID_ARN_SERVICE_CASE',
      message: `Service "${service}" in ${q} must be lowercase: write "${service.toLowerCase()}".`,
      data: { suggestion: withField(2, service.toLowerCase()) },
    });
  }
  const templates = resourceTypesForArnService(catalog, service);
  if (templates.length === 0) {
    // an action prefix without resource types (or missing from the bundled data): nothing to compare with
    if (!catalog.getService(service)) {
      const suggestion = closestMatch(service.toLowerCase(), arnServiceSegments(catalog));
      out.push({
        code: 'UNKNOWN_ARN_SERVICE',
        message: `Service "${service}" in ${q} is not a service namespace in the bundled IAM data${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
        data: suggestion ? { service, suggestion: withField(2, suggestion) } : { service },
      });
    }
    return out;
  }
  if (fields.length < 6 || spansRest(3) || spansRest(4)) return out;
  const region = clean(3)!;
  const account = clean(4)!;
  const resource = fields[5]!;

  // R07: the resource part must fit one of the service's templates
  // a Region or account ending in `*` may also span the following colons (IAM User Guide, Resource element):
  // from there on the rest of the ARN is compared as one string ("arn:*:kms:*:::*" in AmazonBedrockFullAccess)
  const spanFrom = fields[3]!.endsWith('*') ? 3 : fields[4]!.endsWith('*') ? 4 : 5;
  const restTokens = tokenize(fields.slice(spanFrom).join(':'));
  const templateRests = listRestTokens(templates, spanFrom);
  const candidates = templates.filter((_, i) => tokensOverlap(restTokens, templateRests[i]!));
  if (candidates.length === 0) {
    const closest = closestTemplate(templates, resource);
    out.push({
      code: 'INVALID_ARN_RESOURCE',
      message: `Resource part "${resource}" of ${q} matches no resource type of ${displayName(templates)}; expected a form such as "${arnExample(closest.arn)}".`,
      // AWS-owned resources (account "aws": CloudFormation transforms, managed documents…) are the least
      // complete part of the service data: only a warning there
      ...(account === 'aws' ? { severity: 'warning' as const } : {}),
      data: { expected: closest.arn, resourceType: closest.name },
    });
    return out;
  }

  // R05: Region allowed / required / real
  if (region !== '*' && !candidates.some((t) => fieldFits(region, t.template.region))) {
    if (candidates.every((t) => t.template.region === '')) {
      out.push({
        code: 'ARN_REGION_NOT_ALLOWED',
        message: `Region "${region}" is not allowed in ${q}: ${displayName(templates)} ${names(candidates)} ARNs have an empty Region field.`,
        data: { suggestion: withField(3, '') },
      });
    } else if (region === '') {
      out.push({ code: 'MISSING_ARN_REGION', message: `${q} has no Region, but ${displayName(templates)} ${names(candidates)} ARNs need one (a Region code such as "us-east-1", or "*").` });
    }
  } else if (region !== '' && !hasWildcard(region) && candidates.some((t) => t.template.region.includes('${')) && !isKnownRegion(region)) {
    const suggestion = closestMatch(region, ALL_REGIONS);
    out.push({
      code: 'INVALID_ARN_REGION',
      message: `Region "${region}" in ${q} is not a known AWS Region${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
      // a well-formed code may be a Region newer than our table: only a malformed one is certainly wrong
      severity: looksLikeRegion(region) ? 'warning' : 'error',
      data: suggestion ? { region, suggestion: withField(3, suggestion) } : { region },
    });
  }

  // R06: account allowed / 12 digits
  if (account !== '*' && account !== '' && !candidates.some((t) => fieldFits(account, t.template.account))) {
    if (candidates.every((t) => t.template.account === '')) {
      out.push({
        code: 'ARN_ACCOUNT_NOT_ALLOWED',
        message: `Account "${account}" is not allowed in ${q}: ${displayName(templates)} ${names(candidates)} ARNs have an empty account field.`,
        data: { suggestion: withField(4, '') },
      });
      return out;
    }
  }
  // MISSING_ARN_ACCOUNT: an empty account where every fitting resource type has one (the mirror of MISSING_ARN_REGION).
  // AWS writes its own resources with an empty account ("arn:aws:ssm:*::document/AWS-RunShellScript", public
  // parameters "parameter/aws/service/…", Resource Explorer "view/AWSServiceView…": 22 AWS managed policies), so
  // names that start like AWS-owned ones or with a wildcard are left alone, as is a Region `*` spanning the account
  if (account === '' && spanFrom === 5 && !awsOwnedName(resource) && !candidates.some((t) => fieldFits('', t.template.account))) {
    out.push({ code: 'MISSING_ARN_ACCOUNT', message: `${q} has no account, but ${displayName(templates)} ${names(candidates)} ARNs need one (a 12-digit account ID, or "*").` });
  }
  if (account !== '' && account !== 'aws' && !candidates.some((t) => t.template.account === account) && !validAccountPattern(account)) {
    out.push({ code: 'INVALID_ARN_ACCOUNT', message: `Account "${account}" in ${q} is not a 12-digit AWS account ID.`, data: { account } });
  }
  return out;
}

/** The resource id (after "type/" or "type:") starts with a wildcard or the way AWS names its own resources. */
function awsOwnedName(resource: string): boolean {
  const cut = resource.search(/[/:]/);
  const id = (cut < 0 ? resource : resource.slice(cut + 1)).toLowerCase();
  return id.startsWith('*') || id.startsWith('aws') || id.startsWith('amazon');
}

/** Policy field vs template field: a ${Placeholder} needs a non-empty value; literals compare as patterns. */
function fieldFits(policyField: string, templateField: string): boolean {
  if (templateField.includes('${')) return policyField !== '';
  return patternsOverlap(policyField, templateField);
}

/** 12 digits, where `?` stands for one digit and `*` for any number of them. */
function validAccountPattern(account: string): boolean {
  let digits = 0;
  let star = false;
  for (let i = 0; i < account.length; i++) {
    const c = account.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 63) digits++;
    else if (c === 42) star = true;
    else return false;
  }
  return star ? digits <= 12 : digits === 12;
}

function onlyStars(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 42) return false;
  return s.length > 0;
}

function displayName(templates: readonly ResourceTypeInfo[]): string {
  // the service whose own prefix is the ARN's service names it (kms -> AWS Key Management Service, though
  // EventBridge lists as many kms templates); else the one that owns most templates for this namespace
  const own = templates.find((t) => t.service.prefix === t.template.service);
  if (own) return own.service.name;
  // the service that owns most templates for this namespace names it best (iam -> IAM, not STS)
  const counts = new Map<string, number>();
  for (const t of templates) counts.set(t.service.name, (counts.get(t.service.name) ?? 0) + 1);
  let best = templates[0]!.service.name;
  for (const [name, n] of counts) if (n > (counts.get(best) ?? 0)) best = name;
  return best;
}

function names(types: readonly ResourceTypeInfo[]): string {
  const unique = [...new Set(types.map((t) => t.name))];
  return unique.length <= 3 ? unique.join('/') : `${unique.slice(0, 3).join('/')}/…`;
}

function closestTemplate(templates: readonly ResourceTypeInfo[], resource: string): ResourceTypeInfo {
  let best = templates[0]!;
  let bestD = Infinity;
  const r = resource.toLowerCase().slice(0, 200);
  for (const t of templates) {
    const g = t.template.resourceGlob.toLowerCase();
    const d = editDistance(r, g, 1000);
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  }
  return best;
}
