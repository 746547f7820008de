// Document links: each action named in Action/NotAction (one known action, or a wildcard within one service)
// links to its service's page of the AWS Service Authorization Reference; each rule code written in the text
// (the `rules` of .iam-policy.json, a suppression comment) links to the rule's documentation. No checking.

import type { DocumentLink } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../knowledge/catalog';
import type { ParsedDocument } from '../../parser/parseDocument';
import { hasWildcard } from '../../knowledge/glob';
import { serviceReferenceUrl } from '../hover/markdown';
import { isTemplated } from '../../parser/containers/templateValue';

/** Links on the action strings of every statement (inside the quotes). */
export function actionLinks(catalog: IamCatalog, parsed: ParsedDocument, doc: TextDocument): DocumentLink[] {
  if (!parsed.isPolicy || parsed.skipped) return [];
  const out: DocumentLink[] = [];
  const seen = new Set<number>();
  for (const policy of parsed.policies) {
    for (const st of policy.statements) {
      for (const item of st.action?.items ?? []) {
        if (seen.has(item.span.offset) || isTemplated(item.node)) continue;
        seen.add(item.span.offset);
        const colon = item.value.indexOf(':');
        if (colon <= 0) continue;
        const prefix = item.value.slice(0, colon);
        if (hasWildcard(prefix)) continue;
        const service = catalog.getService(prefix);
        if (!service) continue;
        const action = hasWildcard(item.value) ? undefined : catalog.getAction(item.value);
        if (!hasWildcard(item.value) && !action) continue;
        // the link covers the text inside the quotes (strings: span includes them)
        const quoted = doc.getText().charAt(item.span.offset) === '"' || doc.getText().charAt(item.span.offset) === "'";
        const start = item.span.offset + (quoted ? 1 : 0);
        const end = item.span.offset + item.span.length - (quoted ? 1 : 0);
        if (end <= start) continue;
        out.push({
          range: { start: doc.positionAt(start), end: doc.positionAt(end) },
          target: serviceReferenceUrl(service, 'actions'),
          tooltip: action ? `${action.fullName} in the Service Authorization Reference (${service.name})` : `Actions of ${service.name} in the Service Authorization Reference`,
        });
      }
    }
  }
  return out;
}

/** Rule codes written in the text: whole UPPER_SNAKE words that are known codes. */
export function ruleCodeLinks(text: string, doc: TextDocument, isRuleCode: (code: string) => boolean, docsUrl: (code: string) => string): DocumentLink[] {
  const out: DocumentLink[] = [];
  // a linear scan for words of capitals, digits and underscores with at least one underscore
  const re = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) !== null && n < 1000) {
    if (!isRuleCode(m[0])) continue;
    n++;
    out.push({ range: { start: doc.positionAt(m.index), end: doc.positionAt(m.index + m[0].length) }, target: docsUrl(m[0]), tooltip: `Documentation of rule ${m[0]}` });
  }
  return out;
}
