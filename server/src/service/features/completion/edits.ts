// Turns "what to insert" into CompletionItems with the right textEdit for the cursor context: replace the
// whole string content (adding the closing quote when it is missing), insert a quoted value at a bare
// position, or insert a whole `"Key": value` property (adding a missing comma before it). No IAM knowledge.

import { CompletionItemKind, InsertTextFormat, TextEdit, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CursorContext } from '../../parser/cursorContext';

/** The catalog-independent part of an item; edits are added per request. */
export interface ItemSpec {
  readonly label: string;
  readonly kind: CompletionItemKind;
  /** plain text to put inside the string (or, with `snippet`, snippet text) */
  readonly insert: string;
  readonly snippet?: boolean;
  readonly detail?: string;
  readonly documentation?: string;
  readonly sortText?: string;
  readonly filterText?: string;
  readonly preselect?: boolean;
  /** re-open the suggest widget after inserting (e.g. after "s3:") */
  readonly retrigger?: boolean;
  /** for keys inserted as a whole property: the value part, as snippet text (e.g. `"${1|Allow,Deny|}"`) */
  readonly valueSnippet?: string;
}

const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** Escapes text for use inside a snippet. */
export function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

export class EditBuilder {
  constructor(
    private readonly doc: TextDocument,
    private readonly cur: CursorContext,
  ) {}

  private lastRange: { start: number; end: number; range: Range } | undefined;

  /** Hundreds of items share one range: compute the positions once. */
  private range(start: number, end: number): Range {
    const last = this.lastRange;
    if (last && last.start === start && last.end === end) return last.range;
    const range = { start: this.doc.positionAt(start), end: this.doc.positionAt(end) };
    this.lastRange = { start, end, range };
    return range;
  }

  private base(spec: ItemSpec): CompletionItem {
    const item: CompletionItem = { label: spec.label, kind: spec.kind };
    if (spec.detail) item.detail = spec.detail;
    if (spec.documentation) item.documentation = spec.documentation;
    if (spec.sortText) item.sortText = spec.sortText;
    if (spec.preselect) item.preselect = true;
    if (spec.retrigger) item.command = RETRIGGER;
    return item;
  }

  /**
   * A value string: replaces the whole content of the string under the cursor, closing the string if needed;
   * on a bare literal (true, 12) or at a bare position inserts a new quoted string.
   */
  value(spec: ItemSpec): CompletionItem {
    const item = this.base(spec);
    const token = this.cur.token;
    let text = spec.insert;
    let snippet = spec.snippet === true;
    let start: number;
    let end: number;
    setFilterText(item, spec);
    if (token && token.isString) {
      start = token.contentStart;
      end = token.contentEnd;
      if (!token.closed) {
        // the closing quote goes after the value; with a snippet the final cursor stays inside
        if (snippet) text = `${text}$0"`;
        else if (spec.retrigger) {
          text = `${snippetEscape(text)}$0"`;
          snippet = true;
        } else text = `${text}"`;
      }
    } else if (token) {
      // a bare literal (true, 12): replace it with a quoted string
      start = token.start;
      end = token.end;
      text = quote(text, snippet, spec.retrigger === true);
      snippet = snippet || spec.retrigger === true;
    } else {
      start = end = this.cur.offset;
      text = quote(text, snippet, spec.retrigger === true);
      snippet = snippet || spec.retrigger === true;
    }
    item.textEdit = TextEdit.replace(this.range(start, end), text);
    if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
    return item;
  }

  /** Replaces an explicit span inside the current string (e.g. the `${...` being typed). */
  span(spec: ItemSpec, start: number, end: number): CompletionItem {
    const item = this.base(spec);
    item.textEdit = TextEdit.replace(this.range(start, end), spec.insert);
    setFilterText(item, spec);
    if (spec.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
    return item;
  }

  /** Inserts the spec's text as-is at the cursor (a whole JSON value such as a statement object). */
  raw(spec: ItemSpec): CompletionItem {
    const item = this.base(spec);
    item.textEdit = TextEdit.replace(this.range(this.cur.offset, this.cur.offset), spec.insert);
    if (spec.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
    return item;
  }

  /** A property key: the key alone when a `:` follows, else the whole `"Key": value` (comma added if missing). */
  key(spec: ItemSpec): CompletionItem {
    const item = this.base(spec);
    const token = this.cur.token;
    if (token && token.isString && this.cur.colonFollows) {
      item.textEdit = TextEdit.replace(this.range(token.contentStart, token.contentEnd), token.closed ? spec.insert : `${spec.insert}"`);
      setFilterText(item, spec);
      if (spec.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
      // only a newly inserted value wants suggestions re-opened; renaming a key does not
      delete item.command;
      return item;
    }
    const keyText = spec.snippet ? spec.insert : snippetEscape(spec.insert);
    // inside a string being typed the edit starts after its opening quote, so what the user typed is a prefix
    // of the label (plain clients filter by prefix from the edit's start; a quote there would match nothing)
    const inString = token !== undefined && token.isString;
    const text = `${inString ? '' : '"'}${keyText}": ${spec.valueSnippet ?? '$0'}`;
    const start = token ? (inString ? token.contentStart : token.start) : this.cur.offset;
    const end = token ? token.end : this.cur.offset;
    item.textEdit = TextEdit.replace(this.range(start, end), text);
    item.insertTextFormat = InsertTextFormat.Snippet;
    setFilterText(item, spec);
    const comma = this.missingCommaAt(token ? token.start : start);
    if (comma !== undefined) item.additionalTextEdits = [TextEdit.insert(this.doc.positionAt(comma), ',')];
    return item;
  }

  /** Where a comma is missing before a new property starting at `start`: after the previous value. */
  private missingCommaAt(start: number): number | undefined {
    const text = this.doc.getText();
    let i = start - 1;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    if (i < 0) return undefined;
    const c = text[i]!;
    return c === '{' || c === ',' || c === '[' ? undefined : i + 1;
  }
}

/**
 * filterText only when the spec asks for a text other than its label. Every edit starts where the typed text
 * starts, so the label itself is what clients filter against; a filterText makes Neovim's omnifunc ignore the
 * edit's start (it then filters from the last keyword boundary, after "s3:", and inserts "s3:s3:...").
 */
function setFilterText(item: CompletionItem, spec: ItemSpec): void {
  if (spec.filterText !== undefined && spec.filterText !== spec.label) item.filterText = spec.filterText;
}

function quote(text: string, snippet: boolean, retrigger: boolean): string {
  if (snippet) return `"${text}"`;
  if (retrigger) return `"${snippetEscape(text)}$0"`;
  return `"${text}"`;
}
