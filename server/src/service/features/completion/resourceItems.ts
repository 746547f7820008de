// Completion inside Resource / NotResource: "*" and the ARN templates of the resource types the statement's
// actions accept, as snippets with placeholders; policy variables after "${". Does not check ARNs (rules do).

import { CompletionItemKind } from 'vscode-languageserver-types';
import type { IamCatalog, ResourceTypeInfo } from '../../knowledge/catalog';
import { expandPattern } from '../../knowledge/statementActions';
import { hasWildcard } from '../../knowledge/glob';
import type { Statement } from '../../parser/policyModel';
import { snippetEscape, type ItemSpec } from './edits';
import { memoByCatalog } from '../hover/memo';

const MAX_TEMPLATES = 60;

/** `arn:${Partition}:s3:::${BucketName}` -> `arn:aws:s3:::${1:BucketName}` (the partition defaults to aws). */
export function arnSnippet(template: string): string {
  let n = 0;
  let out = '';
  let last = 0;
  const re = /\$\{([^}]*)\}/g;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    out += snippetEscape(template.slice(last, m.index));
    out += m[1] === 'Partition' ? 'aws' : `\${${++n}:${snippetEscape(m[1]!)}}`;
    last = m.index + m[0].length;
  }
  return out + snippetEscape(template.slice(last));
}

/** Resource types of the statement's actions: those of explicitly named actions first, required ones first. */
function statementResourceTypes(catalog: IamCatalog, statement: Statement | undefined): Array<{ rt: ResourceTypeInfo; users: string[]; required: boolean }> {
  const byArn = new Map<string, { rt: ResourceTypeInfo; users: string[]; required: boolean; rank: number }>();
  const items = statement?.action && !statement.action.negated ? statement.action.items : [];
  for (const item of items) {
    const wildcard = hasWildcard(item.value);
    if (item.value === '*') continue;
    const actions = expandPattern(catalog, item.value);
    if (actions.length > 3000) continue;
    for (const a of actions) {
      for (const r of a.resources) {
        const rt = a.service.resourceTypes.get(r.name.toLowerCase());
        if (!rt) continue;
        const rank = (wildcard ? 2 : 0) + (r.required ? 0 : 1);
        const hit = byArn.get(rt.arn);
        if (hit) {
          if (hit.users.length < 5) hit.users.push(a.fullName);
          hit.required ||= r.required;
          hit.rank = Math.min(hit.rank, rank);
        } else byArn.set(rt.arn, { rt, users: [a.fullName], required: r.required, rank });
      }
    }
  }
  return [...byArn.values()].sort((a, b) => a.rank - b.rank || a.rt.arn.localeCompare(b.rt.arn)).slice(0, MAX_TEMPLATES);
}

const resourceMemo = memoByCatalog<readonly ItemSpec[]>();

/** "*" and the statement's ARN templates, memoised per action list. */
export function resourceItems(catalog: IamCatalog, statement: Statement | undefined): readonly ItemSpec[] {
  const key = statement?.action ? `${statement.action.negated ? 'N' : 'A'}\u0000${statement.action.items.map((i) => i.value).join('\u0000')}` : '';
  return resourceMemo(catalog, key, () => buildResourceItems(catalog, statement));
}

function buildResourceItems(catalog: IamCatalog, statement: Statement | undefined): ItemSpec[] {
  const out: ItemSpec[] = [
    { label: '*', kind: CompletionItemKind.Constant, insert: '*', detail: 'all resources', documentation: 'Every resource. Needed for actions without resource-level permissions.', sortText: '9' },
  ];
  statementResourceTypes(catalog, statement).forEach(({ rt, users, required }, i) => {
    const label = rt.arn.replace('${Partition}', 'aws');
    out.push({
      label,
      kind: CompletionItemKind.Reference,
      insert: arnSnippet(rt.arn),
      snippet: true,
      detail: `${rt.service.prefix} ${rt.name}${required ? ' (required)' : ''}`,
      documentation: `Resource type ${rt.name} of ${rt.service.name}, used by ${users.join(', ')}.`,
      sortText: `1${String(i).padStart(3, '0')}`,
      filterText: label,
    });
  });
  return out;
}

/** Policy variables usable in a Resource or Condition value (single-valued keys only). */
export const POLICY_VARIABLES: ReadonlyArray<{ key: string; doc: string }> = [
  { key: 'aws:username', doc: 'The IAM user name (not set for roles).' },
  { key: 'aws:userid', doc: 'The unique ID of the caller (role sessions: ROLEID:session).' },
  { key: 'aws:PrincipalAccount', doc: 'The caller\'s account ID.' },
  { key: 'aws:PrincipalTag/${TagKey}', doc: 'A tag on the calling user or role.' },
  { key: 'aws:PrincipalOrgID', doc: 'The caller\'s organization ID.' },
  { key: 'aws:SourceIdentity', doc: 'The source identity of the role session.' },
  { key: 'aws:FederatedProvider', doc: 'The identity provider of a federated caller.' },
  { key: 'aws:PrincipalType', doc: 'Account, User, FederatedUser, AssumedRole or Anonymous.' },
  { key: 'aws:ResourceAccount', doc: 'The account that owns the resource.' },
  { key: 'aws:RequestedRegion', doc: 'The Region of the request.' },
];

/** Items that replace the `${...` being typed with a whole variable. */
export function variableItems(): ItemSpec[] {
  return POLICY_VARIABLES.map((v, i) => {
    const pattern = v.key.includes('${');
    // `\${` and `\}` are literal in a snippet; the tag key becomes a placeholder
    const insert = pattern ? `\\\${${v.key.replace('${TagKey}', '${1:TagKey}')}\\}` : `\\\${${v.key}\\}`;
    return {
      label: `\${${v.key}}`,
      kind: CompletionItemKind.Variable,
      insert,
      snippet: true,
      documentation: v.doc,
      sortText: String(i).padStart(2, '0'),
    };
  });
}
