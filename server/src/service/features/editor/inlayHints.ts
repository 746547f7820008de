// Inlay hints: after an action wildcard, how many catalog actions it expands to ("s3:Get*" → 52 actions); after a
// CloudFormation Fn::Sub / Fn::Join (or a Terraform interpolation) in Action/Resource, the form the checks read,
// with unknown parts as `*` ("checked as arn:aws:s3:::*/*"). Only within the requested range. No checking.

import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../knowledge/catalog';
import type { ParsedDocument } from '../../parser/parseDocument';
import type { Located } from '../../parser/policyModel';
import { hasWildcard } from '../../knowledge/glob';
import { expandPattern } from '../../knowledge/statementActions';
import { templateOf } from '../../parser/containers/templateValue';

/** hints per request at most: a generated 10,000-action policy must not flood the editor */
const MAX_HINTS = 500;

export function doInlayHints(catalog: IamCatalog, parsed: ParsedDocument, doc: TextDocument, range: Range): InlayHint[] {
  if (!parsed.isPolicy || parsed.skipped) return [];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const out: InlayHint[] = [];
  const seen = new Set<number>();
  const visit = (item: Located<string>, isAction: boolean): void => {
    const end = item.span.offset + item.span.length;
    if (out.length >= MAX_HINTS || end < from || item.span.offset > to || seen.has(item.span.offset)) return;
    seen.add(item.span.offset);
    const template = templateOf(item.node);
    if (template?.kind === 'templated') {
      out.push({ position: doc.positionAt(end), label: `checked as ${item.value}`, paddingLeft: true, tooltip: `${template.fn}: parts known only at deploy time are checked as the wildcard *` });
      return;
    }
    if (isAction && hasWildcard(item.value)) {
      const n = expandPattern(catalog, item.value).length;
      out.push({ position: doc.positionAt(end), label: `${n.toLocaleString('en-US')} action${n === 1 ? '' : 's'}`, kind: InlayHintKind.Type, paddingLeft: true });
    }
  };
  for (const policy of parsed.policies) {
    for (const st of policy.statements) {
      for (const item of st.action?.items ?? []) visit(item, true);
      for (const item of st.resource?.items ?? []) visit(item, false);
    }
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
