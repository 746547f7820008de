// Completion of the policy grammar itself: element names valid at the cursor (top level, statement, Principal
// map), with value snippets, and the Effect and Version values. Static; no catalog access.

import { CompletionItemKind } from 'vscode-languageserver-types';
import { elementHover, principalKeyHover } from '../hover/elementHover';
import type { ItemSpec } from './edits';

function keyItem(label: string, valueSnippet: string, documentation: string | undefined, sort: number, retrigger = false): ItemSpec {
  return { label, kind: CompletionItemKind.Property, insert: label, valueSnippet, documentation: documentation ?? '', sortText: String(sort).padStart(2, '0'), retrigger };
}

const STATEMENT_SNIPPET = '[\n\t{\n\t\t"Effect": "${1|Allow,Deny|}",\n\t\t"Action": "$2",\n\t\t"Resource": "$3"\n\t}\n]';

const TOP_LEVEL: readonly ItemSpec[] = [
  keyItem('Version', '"2012-10-17"', elementHover('Version'), 1),
  keyItem('Statement', STATEMENT_SNIPPET, elementHover('Statement'), 2),
  keyItem('Id', '"$1"', elementHover('Id'), 3),
];

const STATEMENT: readonly ItemSpec[] = [
  keyItem('Sid', '"$1"', elementHover('Sid'), 1),
  keyItem('Effect', '"${1|Allow,Deny|}"', elementHover('Effect'), 2),
  keyItem('Principal', '{"${1|AWS,Service,Federated|}": "$2"}', elementHover('Principal'), 3),
  keyItem('NotPrincipal', '{"AWS": "$1"}', elementHover('NotPrincipal'), 10),
  keyItem('Action', '"$0"', elementHover('Action'), 4, true),
  keyItem('NotAction', '"$0"', elementHover('NotAction'), 11, true),
  keyItem('Resource', '"$0"', elementHover('Resource'), 5, true),
  keyItem('NotResource', '"$0"', elementHover('NotResource'), 12, true),
  keyItem('Condition', '{"$1": {"$2": "$3"}}', elementHover('Condition'), 6),
];

/** Element pairs of which a statement may hold only one. */
const EXCLUSIVE: Readonly<Record<string, string>> = {
  Action: 'NotAction',
  NotAction: 'Action',
  Resource: 'NotResource',
  NotResource: 'Resource',
  Principal: 'NotPrincipal',
  NotPrincipal: 'Principal',
};

const PRINCIPAL_KEYS: readonly ItemSpec[] = [
  keyItem('AWS', '"$1"', principalKeyHover('AWS'), 1, true),
  keyItem('Service', '"$1"', principalKeyHover('Service'), 2, true),
  keyItem('Federated', '"$1"', principalKeyHover('Federated'), 3, true),
  keyItem('CanonicalUser', '"$1"', principalKeyHover('CanonicalUser'), 4),
];

/** Keys not yet present (the one being typed does not count) and not excluded by a present counterpart. */
function notPresent(items: readonly ItemSpec[], present: readonly string[], exclusive: Readonly<Record<string, string>> = {}): ItemSpec[] {
  const have = new Set(present);
  return items.filter((i) => !have.has(i.label) && !(exclusive[i.label] && have.has(exclusive[i.label]!)));
}

export function topLevelKeyItems(present: readonly string[]): ItemSpec[] {
  return notPresent(TOP_LEVEL, present);
}

export function statementKeyItems(present: readonly string[]): ItemSpec[] {
  return notPresent(STATEMENT, present, EXCLUSIVE);
}

export function principalKeyItems(present: readonly string[]): ItemSpec[] {
  return notPresent(PRINCIPAL_KEYS, present);
}

export const EFFECT_VALUES: readonly ItemSpec[] = [
  { label: 'Allow', kind: CompletionItemKind.EnumMember, insert: 'Allow', sortText: '1', documentation: 'Grants the listed actions on the listed resources.' },
  { label: 'Deny', kind: CompletionItemKind.EnumMember, insert: 'Deny', sortText: '2', documentation: 'Explicitly denies the listed actions; wins over every Allow.' },
];

export const VERSION_VALUES: readonly ItemSpec[] = [
  { label: '2012-10-17', kind: CompletionItemKind.EnumMember, insert: '2012-10-17', sortText: '1', preselect: true, detail: 'current', documentation: 'The current policy language version (policy variables supported).' },
  { label: '2008-10-17', kind: CompletionItemKind.EnumMember, insert: '2008-10-17', sortText: '2', detail: 'legacy', documentation: 'Legacy version: policy variables are literal text. Prefer 2012-10-17.' },
];

export const STATEMENT_ITEM: ItemSpec = {
  label: 'New statement',
  kind: CompletionItemKind.Snippet,
  insert: '{\n\t"Effect": "${1|Allow,Deny|}",\n\t"Action": "$2",\n\t"Resource": "$3"\n}',
  snippet: true,
  documentation: 'A statement with Effect, Action and Resource.',
};
