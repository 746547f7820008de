// Small markdown helpers shared by the hover modules: inline code that survives backticks, capped lists,
// and the Service Authorization Reference link. Formatting only; no catalog lookups.

import type { ServiceInfo } from '../../knowledge/catalog';

/** `text` as inline code, using a longer fence when the text itself has backticks. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Escapes the characters markdown would interpret in free text taken from the data. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

/** "a, b, c and 12 more" for long lists. */
export function cappedList(items: readonly string[], cap: number): string {
  if (items.length <= cap) return items.join(', ');
  return `${items.slice(0, cap).join(', ')} and ${items.length - cap} more`;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Sections of a Service Authorization Reference page, by their anchors' suffixes. */
export type ReferenceSection = 'actions' | 'resources' | 'keys';

const SECTION_ANCHOR: Readonly<Record<ReferenceSection, string>> = {
  actions: 'actions-as-permissions',
  resources: 'resources-for-iam-policies',
  keys: 'policy-keys',
};

/**
 * The Service Authorization Reference page of a service. AWS names the page after the service's display name,
 * lowercased with every non-alphanumeric character removed: "Amazon S3" -> list_amazons3.html,
 * "AWS Identity and Access Management (IAM)" -> list_awsidentityandaccessmanagementiam.html; its tables have
 * the anchors #amazons3-actions-as-permissions, -resources-for-iam-policies and -policy-keys.
 */
export function serviceReferenceUrl(service: ServiceInfo, section?: ReferenceSection): string {
  const page = service.name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const anchor = section ? `#${page}-${SECTION_ANCHOR[section]}` : '';
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${page}.html${anchor}`;
}

export function serviceReferenceLink(service: ServiceInfo, section?: ReferenceSection): string {
  return `[Service Authorization Reference: ${escapeMarkdown(service.name)}](${serviceReferenceUrl(service, section)})`;
}
