// Highlights statements a verdict points at: a whole-line background (green for Allow, red for Deny) with an
// overview-ruler mark and a hover message, plus the selection on the first one so the editor scrolls to it.
// Highlights stay until the document changes or the next verdict replaces them.

import { OverviewRulerLane, Range, Selection, TextEditorRevealType, ThemeColor, Uri, window, workspace, type Disposable, type TextEditor, type TextEditorDecorationType } from 'vscode';
import type { StatementRef } from '../../../server/src/evaluationProtocol';

export class StatementHighlighter implements Disposable {
  private readonly allow: TextEditorDecorationType;
  private readonly deny: TextEditorDecorationType;
  private highlighted = new Set<TextEditor>();
  private readonly listener: Disposable;

  constructor() {
    const common = { isWholeLine: true, overviewRulerLane: OverviewRulerLane.Full };
    this.allow = window.createTextEditorDecorationType({ ...common, backgroundColor: new ThemeColor('diffEditor.insertedLineBackground'), overviewRulerColor: new ThemeColor('editorOverviewRuler.addedForeground') });
    this.deny = window.createTextEditorDecorationType({ ...common, backgroundColor: new ThemeColor('diffEditor.removedLineBackground'), overviewRulerColor: new ThemeColor('editorOverviewRuler.deletedForeground') });
    this.listener = workspace.onDidChangeTextDocument((e) => {
      for (const ed of [...this.highlighted]) if (ed.document === e.document && e.contentChanges.length > 0) this.clear(ed);
    });
  }

  clear(editor: TextEditor): void {
    editor.setDecorations(this.allow, []);
    editor.setDecorations(this.deny, []);
    this.highlighted.delete(editor);
  }

  /** Opens the file of the first statement (if needed), highlights every statement of that file, selects the first. */
  async show(refs: readonly StatementRef[], why: string): Promise<TextEditor | undefined> {
    const located = refs.filter((r) => r.range && r.uri);
    if (located.length === 0) return undefined;
    const uri = Uri.parse(located[0]!.uri);
    const editor = await window.showTextDocument(uri, { preview: false, preserveFocus: false });
    for (const ed of [...this.highlighted]) this.clear(ed);
    const same = located.filter((r) => Uri.parse(r.uri).toString() === editor.document.uri.toString());
    const toRange = (r: StatementRef) => new Range(r.range!.start.line, r.range!.start.character, r.range!.end.line, r.range!.end.character);
    const options = (r: StatementRef) => ({ range: toRange(r), hoverMessage: `${r.effect ?? ''} statement ${r.statement}${r.sid ? ` (Sid ${r.sid})` : ''}: ${why}` });
    editor.setDecorations(this.allow, same.filter((r) => r.effect !== 'Deny').map(options));
    editor.setDecorations(this.deny, same.filter((r) => r.effect === 'Deny').map(options));
    this.highlighted.add(editor);
    const first = toRange(same[0]!);
    editor.selection = new Selection(first.start, first.end);
    editor.revealRange(first, TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    this.allow.dispose();
    this.deny.dispose();
    this.listener.dispose();
  }
}
