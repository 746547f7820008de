// The extension's commands: show the effective actions of the policy (a read-only virtual markdown document
// built from the server's iamPolicy/effectiveActions request), restart the language server, and open the rule
// documentation (docs/rules.md, at a rule's anchor). No checking happens here: the server owns all of it.

import { commands, Uri, window, workspace, type Disposable, type ExtensionContext, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, EFFECTIVE_ACTIONS_REQUEST, type EffectiveActionsParams, type EffectiveActionsResult } from '../../server/src/protocol';
import { registerStatusBar } from './statusBar';

export const ACTIONS_SCHEME = 'iam-policy-actions';

/** Holds the rendered documents by URI; VS Code asks for the text when it opens one. */
class ActionsDocuments implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  set(uri: Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export function registerCommands(context: ExtensionContext, client: LanguageClient): void {
  const docs = new ActionsDocuments();
  const subs: Disposable[] = [
    workspace.registerTextDocumentContentProvider(ACTIONS_SCHEME, docs),
    commands.registerCommand(COMMANDS.showEffectiveActions, (uri?: string, policyIndex?: number, statementIndex?: number) => showEffectiveActions(client, docs, uri, policyIndex, statementIndex)),
    commands.registerCommand(COMMANDS.restartServer, async () => {
      await client.restart();
      void window.setStatusBarMessage('IAM Policy Assistant: language server restarted', 3000);
    }),
    commands.registerCommand(COMMANDS.openRuleDocs, (code?: string) => openRuleDocs(context, code)),
  ];
  context.subscriptions.push(...subs);
}

async function showEffectiveActions(client: LanguageClient, docs: ActionsDocuments, uri?: string, policyIndex?: number, statementIndex?: number): Promise<void> {
  const target = uri ?? window.activeTextEditor?.document.uri.toString();
  if (!target) {
    void window.showInformationMessage('Open an IAM policy to see the actions it grants.');
    return;
  }
  const params: EffectiveActionsParams = { uri: target, ...(policyIndex !== undefined ? { policyIndex } : {}), ...(statementIndex !== undefined ? { statementIndex } : {}) };
  const result = await client.sendRequest<EffectiveActionsResult | null>(EFFECTIVE_ACTIONS_REQUEST, params);
  if (!result) {
    void window.showInformationMessage('This document is not an IAM policy (or is too large to check).');
    return;
  }
  const base = target.split('/').pop() ?? 'policy';
  const which = statementIndex !== undefined ? ` statement ${statementIndex + 1}` : '';
  const uriOut = Uri.from({ scheme: ACTIONS_SCHEME, path: `/${decodeURIComponent(base)}${which ? `-statement-${statementIndex! + 1}` : ''}.actions.md`, query: `${target}|${policyIndex ?? ''}|${statementIndex ?? ''}` });
  docs.set(uriOut, renderEffectiveActions(result, `${decodeURIComponent(base)}${which}`));
  const doc = await workspace.openTextDocument(uriOut);
  await window.showTextDocument(doc, { preview: true, preserveFocus: false });
}

/** Markdown: per statement, per service, the actions grouped by access level. */
export function renderEffectiveActions(result: EffectiveActionsResult, title: string): string {
  const lines = [`# Effective actions: ${title}`, '', `IAM data version ${result.dataVersion}. Wildcards and NotAction are expanded against it.`, ''];
  if (result.statements.length === 0) lines.push('No statement.');
  for (const st of result.statements) {
    const count = st.services.reduce((n, s) => n + s.actions.length, 0);
    lines.push(`## ${st.label}: ${st.effect || 'no Effect'}${st.negated ? ' (NotAction: every action except the listed ones)' : ''}`, '');
    lines.push(`${count} action${count === 1 ? '' : 's'} in ${st.services.length} service${st.services.length === 1 ? '' : 's'}.`, '');
    if (st.unmatched.length) lines.push(`Not in the IAM data: ${st.unmatched.map((u) => `\`${u}\``).join(', ')}`, '');
    for (const s of st.services) {
      lines.push(`### ${s.name} (\`${s.prefix}\`): ${s.actions.length} of ${s.total}`, '');
      const byLevel = new Map<string, string[]>();
      for (const a of s.actions) {
        const level = a.accessLevel || 'Unknown';
        const list = byLevel.get(level);
        if (list) list.push(a.name);
        else byLevel.set(level, [a.name]);
      }
      for (const [level, names] of byLevel) lines.push(`- **${level}** (${names.length}): ${names.map((n) => `${s.prefix}:${n}`).join(', ')}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

async function openRuleDocs(context: ExtensionContext, code?: string): Promise<void> {
  const file = Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  let chosen = code;
  if (!chosen) {
    // the rule list is the headings of the generated docs, so it never drifts from the server's rules
    const text = new TextDecoder().decode(await workspace.fs.readFile(file));
    const codes = [...text.matchAll(/^## ([A-Z0-9_]+)$/gm)].map((m) => m[1]!);
    chosen = await window.showQuickPick(codes, { placeHolder: 'Rule to read about (or Escape for the whole list)' });
  }
  const target = chosen ? file.with({ fragment: chosen.toLowerCase() }) : file;
  await commands.executeCommand('markdown.showPreview', target);
}

/** The one call extension.ts makes once the client has started: commands and the status bar item. */
export function registerClientFeatures(context: ExtensionContext, client: LanguageClient): void {
  registerCommands(context, client);
  registerStatusBar(context, client);
}
