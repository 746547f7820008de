// Hover for a Resource / NotResource ARN: its segments and which resource type(s) of which service it fits,
// with their templates (matching from knowledge/arnMatch). For display only: the resource rules decide (and
// report) whether an ARN is valid.

import type { IamCatalog, ResourceTypeInfo } from '../../knowledge/catalog';
import { globMatch } from '../../knowledge/glob';
import { parseArn } from '../../knowledge/arnTemplate';
import { arnMatchesTemplate } from '../../knowledge/arnMatch';
import { resourceTypesForArnService } from '../../knowledge/arnIndex';
import { cappedList, code, escapeMarkdown, serviceReferenceLink } from './markdown';

export function arnHover(catalog: IamCatalog, value: string): string {
  if (value === '*') return '**`*`**: every resource. Actions that support resource-level permissions then apply to all their resources.';
  const parts = parseArn(value);
  if (!parts) return `${code(value)} is not an ARN: write ${code('arn:partition:service:region:account:resource')} or ${code('*')}.`;
  const out = [
    `**ARN** — partition ${seg(parts.partition)}, service ${seg(parts.service)}, region ${seg(parts.region)}, account ${seg(parts.account)}  \nResource: ${code(parts.resource || '(empty)')}`,
  ];
  const service = catalog.getService(parts.service);
  const types = resourceTypesForArnService(catalog, parts.service);
  if (!service && types.length === 0) {
    out.push('', `No service with prefix ${code(parts.service)} in the IAM data.`);
    return out.join('\n');
  }
  const { best, others } = matchingResourceTypes(types, value);
  out.push('');
  if (best.length === 0) out.push(`Matches none of the ${types.length} resource types with ${code(parts.service)} ARNs.`);
  else if (parts.resource === '*') {
    const all = [...best, ...others];
    out.push(`Covers every resource type with ${code(parts.service)} ARNs (${all.length}): ${cappedList(all.map((rt) => escapeMarkdown(rt.name)), 15)}.`);
  } else {
    out.push(`Matches ${best.length === 1 ? 'resource type' : 'resource types'}:`, '');
    for (const rt of best) out.push(`- **${escapeMarkdown(rt.name)}** (${escapeMarkdown(rt.service.name)}): ${code(rt.arn)}`);
    // only a wildcard in the resource part widens the match in practice; wildcard region/account fields do not
    if (others.length && /[*?]/.test(parts.resource)) out.push('', `Its wildcards also cover: ${cappedList(others.map((rt) => escapeMarkdown(rt.name)), 10)}.`);
  }
  if (service) out.push('', serviceReferenceLink(service, 'resources'));
  return out.join('\n');
}

function seg(s: string): string {
  return s === '' ? '(empty)' : code(s);
}

/**
 * The resource types an ARN fits (knowledge/arnMatch, wildcards on both sides), split into the best fit and
 * the rest. Best: the types the ARN is an instance of (its own wildcards read literally), most literal template
 * text first, so "my-bucket/*" names the S3 object type while "${BucketName}" (which fits anything) goes to
 * the rest.
 */
export function matchingResourceTypes(types: readonly ResourceTypeInfo[], arn: string): { best: ResourceTypeInfo[]; others: ResourceTypeInfo[] } {
  // other services re-declare some types (SSM lists S3's bucket): one entry per template, the owner's first
  const byTemplate = new Map<string, ResourceTypeInfo>();
  for (const rt of types) {
    if (!arnMatchesTemplate(arn, rt.template)) continue;
    const seen = byTemplate.get(rt.arn);
    if (!seen || (seen.service.prefix !== rt.template.service && rt.service.prefix === rt.template.service)) byTemplate.set(rt.arn, rt);
  }
  const fits = [...byTemplate.values()];
  if (fits.length <= 1) return { best: fits, others: [] };
  const resource = parseArn(arn)?.resource ?? '';
  const literal = (rt: ResourceTypeInfo): number => rt.template.resourceGlob.replace(/\*/g, '').length;
  const instances = fits.filter((rt) => globMatch(rt.template.resourceGlob, resource));
  const pool = instances.length ? instances : fits;
  const top = Math.max(...pool.map(literal));
  const best = pool.filter((rt) => literal(rt) === top);
  return { best, others: fits.filter((rt) => !best.includes(rt)) };
}
