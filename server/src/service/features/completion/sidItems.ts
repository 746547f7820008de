// Completion of a Sid value: a name made from the statement's effect, services and access levels
// ("AllowS3ReadWrite"), letters and digits only as IAM requires, unique within the policy.

import { CompletionItemKind } from 'vscode-languageserver-types';
import type { IamCatalog } from '../../knowledge/catalog';
import type { PolicyDocument, Statement } from '../../parser/policyModel';
import { summarizeStatement } from '../accessSummary';
import type { ItemSpec } from './edits';

const LEVEL_WORD: Readonly<Record<string, string>> = {
  List: 'List',
  Read: 'Read',
  Write: 'Write',
  'Permissions management': 'Permissions',
  Tagging: 'Tagging',
};

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export function suggestedSid(catalog: IamCatalog, statement: Statement): string {
  const summary = summarizeStatement(catalog, statement);
  const effect = statement.effect?.value === 'Deny' ? 'Deny' : 'Allow';
  if (summary.negated) return `${effect}AllExcept${pascal(statement.action?.items[0]?.value.split(':')[0] ?? '')}`;
  const services = summary.services.slice(0, 2).map((s) => pascal(s.prefix)).join('');
  const levels = new Set<string>();
  for (const s of summary.services) for (const l of s.levels) levels.add(LEVEL_WORD[l.level] ?? '');
  const full = summary.services.length > 0 && summary.services.every((s) => s.full);
  const what = full ? 'FullAccess' : [...levels].slice(0, 2).join('');
  return `${effect}${services || 'Statement'}${what}`;
}

export function sidItems(catalog: IamCatalog, policy: PolicyDocument | undefined, statement: Statement | undefined): ItemSpec[] {
  if (!statement) return [];
  const base = suggestedSid(catalog, statement);
  const taken = new Set((policy?.statements ?? []).filter((s) => s !== statement).map((s) => s.sid?.value));
  let sid = base;
  for (let n = 2; taken.has(sid); n++) sid = `${base}${n}`;
  return [{ label: sid, kind: CompletionItemKind.Value, insert: sid, detail: 'from the statement\'s actions', documentation: 'Sid: letters and digits only, unique in the policy.' }];
}
