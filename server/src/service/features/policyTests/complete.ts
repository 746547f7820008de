// Completion in policy test files: the format's keys where they belong, catalog actions for `action`, the
// expected verdicts, condition keys under `context` (global keys and those of the test's action), policy
// kinds under `policies`, workspace policy files for the policy paths, and ARN templates for `resource`.

import { CompletionItemKind, InsertTextFormat, TextEdit, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../knowledge/catalog';
import { formatAccessLevel } from '../../knowledge/accessLevel';
import { GLOBAL_CONDITION_KEYS } from '../../knowledge/globalConditionKeys';
import { cursorAt, isYamlName, type KeyPath, type TestFileCursor } from './cursor';
import { EXPECT_VALUES, keyInfoAt, keysFor, type KeyInfo } from './format';
import { testEntryValue } from './testFileTree';

export interface TestCompletionInput {
  readonly catalog: IamCatalog;
  /** policy files of the workspace, relative to the test file's folder ("policies/deploy.json") */
  readonly policyFiles: readonly string[];
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const ACTION_LIMIT = 400;

export function completeTestFile(doc: TextDocument, offset: number, input: TestCompletionInput): CompletionList {
  const yaml = isYamlName(doc.uri);
  const text = doc.getText();
  const cur = cursorAt(text, offset, yaml);
  const range: Range = { start: doc.positionAt(cur.start), end: doc.positionAt(cur.end) };
  const make = (label: string, kind: CompletionItemKind, detail: string | undefined, documentation: string | undefined, insert = label, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind,
    ...(detail ? { detail } : {}),
    ...(documentation ? { documentation: { kind: 'markdown', value: documentation } } : {}),
    textEdit: TextEdit.replace(range, yaml ? insert : cur.quoted || !cur.inKey ? JSON.stringify(insert) : JSON.stringify(insert)),
    filterText: yaml ? label : `"${label}"`,
    ...extra,
  });
  if (cur.inKey) {
    if (isContextPath(cur.path)) return { isIncomplete: false, items: contextKeyItems(input.catalog, text, cur, yaml, make) };
    const keys = keysFor(cur.path);
    return keys ? { isIncomplete: false, items: keys.map((k) => keyItem(k, yaml, range, cur)) } : EMPTY;
  }
  const info = keyInfoAt(cur.path.filter((p, i) => !(typeof p === 'number' && i === cur.path.length - 1)));
  const valuePath = trimIndex(cur.path);
  if (isPolicyPathValue(valuePath)) {
    return { isIncomplete: false, items: input.policyFiles.map((f, i) => make(f, CompletionItemKind.File, 'policy file', undefined, f, { sortText: String(i).padStart(5, '0') })) };
  }
  switch (info?.value) {
    case 'expect':
      return { isIncomplete: false, items: EXPECT_VALUES.map(([v, d]) => make(v, CompletionItemKind.EnumMember, undefined, d)) };
    case 'action':
      return actionItems(input.catalog, cur.prefix, make);
    case 'resource':
      return { isIncomplete: false, items: resourceItems(input.catalog, text, cur, make) };
    case 'principal':
      return {
        isIncomplete: false,
        items: [
          ['arn:aws:iam::111122223333:role/NAME', 'an IAM role'],
          ['arn:aws:iam::111122223333:user/NAME', 'an IAM user'],
          ['arn:aws:sts::111122223333:assumed-role/ROLE/SESSION', 'a role session'],
          ['arn:aws:sts::111122223333:federated-user/NAME', 'a federated user'],
          ['arn:aws:iam::111122223333:root', 'the account (root user)'],
          ['anonymous', 'an unauthenticated caller'],
        ].map(([v, d]) => make(v!, CompletionItemKind.Value, d, undefined)),
      };
    default:
      return EMPTY;
  }
}

function trimIndex(path: KeyPath): KeyPath {
  const out = [...path];
  while (typeof out[out.length - 1] === 'number') out.pop();
  return out;
}

/** ["policies", "identity"], ["tests", n, "policies", "scp"], …: a value that names policy files */
function isPolicyPathValue(path: KeyPath): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string' || !['identity', 'boundary', 'session', 'scp', 'rcp', 'resource'].includes(last)) return false;
  return path[path.length - 2] === 'policies';
}

function isContextPath(path: KeyPath): boolean {
  return (path.length === 3 && path[0] === 'tests' && path[2] === 'context') || (path.length === 1 && path[0] === 'context');
}

function keyItem(k: KeyInfo, yaml: boolean, range: Range, cur: TestFileCursor): CompletionItem {
  const snippetValue = k.value === 'tests' || k.value === 'object' || k.value === 'context' || k.value === 'policyList' || k.value === 'policyLevels';
  const insert = yaml ? `${k.key}:${snippetValue ? '' : ' '}` : `${JSON.stringify(k.key)}: `;
  return {
    label: k.key,
    kind: CompletionItemKind.Property,
    documentation: { kind: 'markdown', value: k.doc },
    textEdit: TextEdit.replace(range, cur.quoted && !yaml ? JSON.stringify(k.key) : insert),
    insertTextFormat: InsertTextFormat.PlainText,
    filterText: yaml ? k.key : `"${k.key}"`,
  };
}

type Make = (label: string, kind: CompletionItemKind, detail: string | undefined, documentation: string | undefined, insert?: string, extra?: Partial<CompletionItem>) => CompletionItem;

function actionItems(catalog: IamCatalog, prefix: string, make: Make): CompletionList {
  const colon = prefix.indexOf(':');
  if (colon < 0) {
    const items = catalog.servicePrefixes.map((p) => make(p, CompletionItemKind.Module, catalog.services.get(p)?.name, undefined, `${p}:`, { command: { title: 'actions', command: 'editor.action.triggerSuggest' } }));
    return { isIncomplete: false, items };
  }
  const service = catalog.getService(prefix.slice(0, colon).toLowerCase());
  if (!service) return EMPTY;
  const items = catalog
    .actionsWithPrefix(service.prefix, prefix.slice(colon + 1).toLowerCase())
    .slice(0, ACTION_LIMIT)
    .map((a) => make(a.fullName, CompletionItemKind.Function, formatAccessLevel(a.accessLevel), a.description));
  return { isIncomplete: false, items };
}

function contextKeyItems(catalog: IamCatalog, text: string, cur: TestFileCursor, yaml: boolean, make: Make): CompletionItem[] {
  const action = catalog.getAction(testEntryValue(text, cur.start, yaml, 'action') ?? '');
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (key: string, detail: string, doc: string, sort: string) => {
    if (seen.has(key.toLowerCase())) return;
    seen.add(key.toLowerCase());
    items.push(make(key, CompletionItemKind.Property, detail, doc, yaml ? `${key}: ` : key, { sortText: `${sort}${key}` }));
  };
  if (action) {
    for (const key of catalog.conditionKeysForAction(action)) {
      const info = catalog.getConditionKey(key);
      add(key, `${info?.type ?? ''} key of ${action.fullName}`, info?.description ?? '', '0');
    }
  }
  for (const g of GLOBAL_CONDITION_KEYS) add(g.key, `${g.type}${g.multiValued ? ', multivalued (use a list)' : ''}`, g.description, '1');
  return items;
}

/** ARN templates of the resource types the test's action accepts ("arn:${Partition}:s3:::${BucketName}/${ObjectName}"). */
function resourceItems(catalog: IamCatalog, text: string, cur: TestFileCursor, make: Make): CompletionItem[] {
  const action = catalog.getAction(testEntryValue(text, cur.start, isYamlGuess(text), 'action') ?? '');
  if (!action) return [make('*', CompletionItemKind.Value, 'any resource', undefined)];
  const items: CompletionItem[] = [];
  for (const r of action.resources) {
    const type = action.service.resourceTypes.get(r.name);
    if (!type) continue;
    const arn = type.arn.replace('${Partition}', 'aws').replace('${Region}', 'us-east-1').replace('${Account}', '111122223333');
    items.push(make(arn, CompletionItemKind.Value, `${r.name}${r.required ? ' (required)' : ''}`, `Resource type \`${r.name}\` of ${action.fullName}. Replace the \`\${…}\` placeholders.`));
  }
  if (items.length === 0) items.push(make('*', CompletionItemKind.Value, `${action.fullName} takes no resource type`, undefined));
  return items;
}

function isYamlGuess(text: string): boolean {
  return !text.trimStart().startsWith('{');
}
