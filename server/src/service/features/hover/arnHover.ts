// Hover for a Resource / NotResource ARN: its segments and which resource type(s) of which service it fits,
// with their templates. For display only: the resource rules decide (and report) whether an ARN is valid.

import type { IamCatalog, ResourceTypeInfo } from '../../knowledge/catalog';
import { globMatch } from '../../knowledge/glob';
import { parseArn } from '../../knowledge/arnTemplate';
import { code, escapeMarkdown, serviceReferenceLink } from './markdown';

export function arnHover(catalog: IamCatalog, value: string): string {
  if (value === '*') return '**`*`**: every resource. Actions that support resource-level permissions then apply to all their resources.';
  const parts = parseArn(value);
  if (!parts) return `${code(value)} is not an ARN: write ${code('arn:partition:service:region:account:resource')} or ${code('*')}.`;
  const out = [
    `**ARN** — partition ${seg(parts.partition)}, service ${seg(parts.service)}, region ${seg(parts.region)}, account ${seg(parts.account)}  \nResource: ${code(parts.resource || '(empty)')}`,
  ];
  const service = catalog.getService(parts.service);
  if (!service) {
    out.push('', `No service with prefix ${code(parts.service)} in the IAM data.`);
    return out.join('\n');
  }
  const matches = matchingResourceTypes([...service.resourceTypes.values()], parts.resource);
  out.push('');
  if (matches.length === 0) out.push(`Matches none of the ${service.resourceTypes.size} resource types of ${escapeMarkdown(service.name)}.`);
  else {
    out.push(`Matches ${matches.length === 1 ? 'resource type' : 'resource types'} of ${escapeMarkdown(service.name)}:`, '');
    for (const rt of matches) out.push(`- **${escapeMarkdown(rt.name)}**: ${code(rt.arn)}`);
  }
  out.push('', serviceReferenceLink(service));
  return out.join('\n');
}

function seg(s: string): string {
  return s === '' ? '(empty)' : code(s);
}

/**
 * Resource types whose template the resource part fits, most specific first. A template's ${Placeholder}s
 * match anything; among fitting templates only those with the most literal text are kept, so
 * "my-bucket/*" names the S3 object type rather than also the bucket type ("${BucketName}" fits anything).
 */
export function matchingResourceTypes(types: readonly ResourceTypeInfo[], resource: string): ResourceTypeInfo[] {
  if (resource === '*') return [];
  const fits = types.filter((rt) => globMatch(rt.template.resourceGlob, resource));
  if (fits.length <= 1) return fits;
  const literal = (rt: ResourceTypeInfo): number => rt.template.resourceGlob.replace(/\*/g, '').length;
  const best = Math.max(...fits.map(literal));
  return fits.filter((rt) => literal(rt) === best);
}
