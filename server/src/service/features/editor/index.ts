// The editor features beyond checking, for any LSP client: outline, document links, inlay hints, and the
// relatedInformation added to diagnostics. Each lives in its own module; this one only gathers them.

import type { Diagnostic, DocumentLink, DocumentSymbol, InlayHint, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../knowledge/catalog';
import type { ParsedDocument } from '../../parser/parseDocument';
import type { Finding } from '../../rules/rule';
import { getRule } from '../../rules/registry';
import { doDocumentSymbols } from './documentSymbols';
import { actionLinks, ruleCodeLinks } from './documentLinks';
import { doInlayHints } from './inlayHints';
import { relatedSpans } from './relatedInformation';

export interface EditorFeatures {
  documentSymbols(doc: TextDocument, parsed: ParsedDocument): DocumentSymbol[];
  /** action links for policies; rule-code links in any document (e.g. .iam-policy.json) */
  documentLinks(doc: TextDocument, parsed: ParsedDocument | undefined): DocumentLink[];
  inlayHints(doc: TextDocument, parsed: ParsedDocument, range: Range): InlayHint[];
}

/** rule-code links are scanned for in texts up to this size */
const RULE_LINK_SCAN_CHARS = 200_000;

export function editorFeatures(catalog: IamCatalog, docsUrl: ((code: string) => string) | undefined): EditorFeatures {
  return {
    documentSymbols: (doc, parsed) => doDocumentSymbols(parsed, doc),
    documentLinks(doc, parsed) {
      const links = parsed ? actionLinks(catalog, parsed, doc) : [];
      const text = doc.getText();
      if (docsUrl && text.length <= RULE_LINK_SCAN_CHARS) links.push(...ruleCodeLinks(text, doc, (c) => getRule(c) !== undefined, docsUrl));
      return links;
    },
    inlayHints: (doc, parsed, range) => doInlayHints(catalog, parsed, doc, range),
  };
}

export function withRelatedInformation(doc: TextDocument, parsed: ParsedDocument, f: Finding, d: Diagnostic): Diagnostic {
  const related = relatedSpans(parsed, f);
  if (related.length > 0) {
    d.relatedInformation = related.map((r) => ({
      location: { uri: doc.uri, range: { start: doc.positionAt(r.span.offset), end: doc.positionAt(r.span.offset + r.span.length) } },
      message: r.message,
    }));
  }
  return d;
}
