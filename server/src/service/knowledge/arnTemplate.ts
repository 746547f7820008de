// ARN parsing and the pre-split ARN templates of resource types ("arn:${Partition}:s3:::${BucketName}").
// Parsing only; deciding whether a policy ARN fits a template lives in knowledge/arnMatch.ts.

export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** everything after the 5th colon (may itself contain colons) */
  readonly resource: string;
}

export interface ArnTemplate extends ArnParts {
  /** the resource part with every ${Placeholder} turned into `*`, for glob comparison */
  readonly resourceGlob: string;
  readonly regionRequired: boolean;
  readonly accountRequired: boolean;
}

/** Splits "arn:p:s:r:a:resource" into its six fields; undefined when there are fewer than six. */
export function parseArn(arn: string): ArnParts | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(':', start);
    if (colon < 0) return undefined;
    parts.push(arn.slice(start, colon));
    start = colon + 1;
  }
  if (parts[0] !== 'arn' && parts[0]?.toLowerCase() !== 'arn') return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: arn.slice(start) };
}

/**
 * parseArn(arn)?.service ?? '' without the parts: grouping every resource type by its ARN's service
 * (arnIndex.ts) split all 2,500 templates, a tenth of a small CLI run.
 */
export function arnServiceSegment(arn: string): string {
  const c1 = arn.indexOf(':');
  const c2 = c1 < 0 ? -1 : arn.indexOf(':', c1 + 1);
  const c3 = c2 < 0 ? -1 : arn.indexOf(':', c2 + 1);
  const c4 = c3 < 0 ? -1 : arn.indexOf(':', c3 + 1);
  if (c4 < 0 || arn.indexOf(':', c4 + 1) < 0) return '';
  const head = arn.slice(0, c1);
  if (head !== 'arn' && head.toLowerCase() !== 'arn') return '';
  return arn.slice(c2 + 1, c3);
}

export function splitArnTemplate(arn: string): ArnTemplate {
  const p = parseArn(arn) ?? { partition: '${Partition}', service: '', region: '', account: '', resource: arn };
  return {
    ...p,
    resourceGlob: p.resource.replace(/\$\{[^}]*\}/g, '*'),
    regionRequired: p.region.includes('${'),
    accountRequired: p.account.includes('${'),
  };
}
