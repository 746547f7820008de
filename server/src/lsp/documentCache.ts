// Parses each open document once per version: uri -> (version, parse options) -> ParsedDocument. Validation,
// hover, completion, code actions and CodeLens on the same version share one parse. Entries go on close.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument, ServiceParseOptions } from '../service';

interface Entry {
  readonly version: number;
  readonly optionsKey: string;
  readonly parsed: ParsedDocument;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly parse: (doc: TextDocument, options: ServiceParseOptions) => ParsedDocument) {}

  get(doc: TextDocument, options: ServiceParseOptions): ParsedDocument {
    // the options come from settings: a changed policyTypes/files glob must re-parse the same version
    const optionsKey = `${options.policyType ?? ''}|${options.forcePolicy === true}|${options.limits?.maxSize ?? ''}`;
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.optionsKey === optionsKey) return hit.parsed;
    const parsed = this.parse(doc, options);
    this.entries.set(doc.uri, { version: doc.version, optionsKey, parsed });
    return parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}
