// LSP features for every editor, not only VS Code: workspace/executeCommand for the commands CodeLenses and
// code actions carry, the outline (documentSymbol), document links, inlay hints, and the ESLint-style
// "Show documentation for RULE" / "Disable RULE for this workspace" code actions. The features themselves live
// in service/features/editor; this module wires them to the connection and picks client or server commands.

import { CodeActionKind, MessageType, ShowMessageNotification, type CodeAction, type CodeLens, type Command, type Connection, type Diagnostic, type DocumentLink, type DocumentSymbol, type InlayHint, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import type { IamLanguageService, Logger, ParsedDocument } from '../service';
import { CLIENT_COMMAND_FOR, COMMANDS, SERVER_COMMANDS, ruleDocsUrl, type EffectiveActionsResult, type IamInitializationOptions } from '../protocol';
import { effectiveActions, type PolicyLookup } from './customRequests';
import { runSafe } from './runSafe';
import { disableRuleEdit } from './disableRule';
import { registerCommand } from './commandRouter';
import { DIAGNOSTIC_SOURCE } from '../service/features/toDiagnostic';
import { getRule } from '../service';

export interface EditorFeatureDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly logger: Logger;
  readonly lookup: PolicyLookup;
  /** the parse of any open document the server checks (undefined when ignored or unknown) */
  readonly parsedOf: (uri: string) => Promise<ParsedDocument | undefined>;
  readonly service: () => IamLanguageService | undefined;
  readonly folderOf: (file: string) => string | undefined;
  /** called after the workspace config file was changed by a command */
  readonly configChanged: () => void;
}

export interface ClientInfo {
  /** commands the client executes itself (initializationOptions.clientCommands) */
  readonly clientCommands: ReadonlySet<string>;
  readonly showDocument: boolean;
  readonly applyEdit: boolean;
  /** the editor's own JSON support formats iam-policy documents (VS Code with jsonLanguageParticipants) */
  readonly formatsPolicies: boolean;
}

export function clientInfoFrom(initializationOptions: unknown, capabilities: { window?: { showDocument?: { support?: boolean } }; workspace?: { applyEdit?: boolean } }): ClientInfo {
  const opts = (typeof initializationOptions === 'object' && initializationOptions !== null ? initializationOptions : {}) as IamInitializationOptions;
  const list = Array.isArray(opts.clientCommands) ? opts.clientCommands.filter((c): c is string => typeof c === 'string') : [];
  return {
    clientCommands: new Set(list),
    showDocument: capabilities.window?.showDocument?.support === true,
    applyEdit: capabilities.workspace?.applyEdit === true,
    formatsPolicies: opts.editorFormatsPolicies === true,
  };
}

export function editorCapabilities(): Pick<ServerCapabilities, 'documentSymbolProvider' | 'documentLinkProvider' | 'inlayHintProvider'> {
  return {
    documentSymbolProvider: { label: 'IAM policy' },
    documentLinkProvider: { resolveProvider: false },
    inlayHintProvider: { resolveProvider: false },
  };
}

/** The commands workspace/executeCommand runs for the editor features (startServer lists them with the others). */
export const EDITOR_COMMANDS: readonly string[] = Object.values(SERVER_COMMANDS);

/** A command the client can run: its own when it said it has it, else the server's equivalent. */
export function commandFor(client: ClientInfo, command: Command): Command {
  if (client.clientCommands.has(command.command)) return command;
  const server = Object.entries(CLIENT_COMMAND_FOR).find(([, c]) => c === command.command)?.[0];
  return server ? { ...command, command: server } : command;
}

export function adaptLenses(client: ClientInfo, lenses: CodeLens[]): CodeLens[] {
  return lenses.map((l) => (l.command ? { ...l, command: commandFor(client, l.command) } : l));
}

/**
 * One "Show documentation" and one "Disable" entry per rule among the request's diagnostics (as ESLint).
 * `fileForm`: the document has no inline suppression of its own for a whole file (plain JSON): also offer an
 * `overrides` entry for this file in .iam-policy.json.
 */
export function ruleCodeActions(client: ClientInfo, uri: string, diagnostics: readonly Diagnostic[], canDisable: boolean, fileForm = false): CodeAction[] {
  const out: CodeAction[] = [];
  const codes = [...new Set(diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string').map((d) => d.code as string))].filter((c) => getRule(c));
  for (const code of codes) {
    const ds = diagnostics.filter((d) => d.code === code);
    if (canDisable) {
      if (fileForm) out.push({ title: `Disable ${code} for this file (.iam-policy.json)`, kind: CodeActionKind.QuickFix, diagnostics: ds, command: { title: `Disable ${code}`, command: SERVER_COMMANDS.disableRule, arguments: [uri, code, 'file'] } });
      out.push({ title: `Disable ${code} for this workspace (.iam-policy.json)`, kind: CodeActionKind.QuickFix, diagnostics: ds, command: { title: `Disable ${code}`, command: SERVER_COMMANDS.disableRule, arguments: [uri, code] } });
    }
    out.push({ title: `Show documentation for ${code}`, kind: CodeActionKind.QuickFix, diagnostics: ds, command: commandFor(client, { title: `Show documentation for ${code}`, command: COMMANDS.openRuleDocs, arguments: [code] }) });
  }
  return out;
}

/** A short plain-text summary for clients that show it in a message (the full list goes to the log). */
export function effectiveActionsText(result: EffectiveActionsResult): { summary: string; full: string } {
  const summary: string[] = [];
  const full: string[] = [`Effective actions (IAM data ${result.dataVersion})`];
  for (const st of result.statements) {
    const count = st.services.reduce((n, s) => n + s.actions.length, 0);
    const services = st.services.map((s) => `${s.prefix} ${s.actions.length}`).slice(0, 5).join(', ');
    const line = `${st.label}: ${st.effect || 'no Effect'}${st.negated ? ' all but the listed' : ''}, ${count} action${count === 1 ? '' : 's'} in ${st.services.length} service${st.services.length === 1 ? '' : 's'}${services ? ` (${services}${st.services.length > 5 ? ', …' : ''})` : ''}`;
    summary.push(line);
    full.push('', line);
    for (const s of st.services) full.push(`  ${s.prefix}: ${s.actions.map((a) => `${a.name} [${a.accessLevel}]`).join(', ')}`);
    if (st.unmatched.length) full.push(`  not in the IAM data: ${st.unmatched.join(', ')}`);
  }
  return { summary: summary.join('\n') || 'No statement.', full: full.join('\n') };
}

export function registerEditorFeatures(deps: EditorFeatureDeps, client: () => ClientInfo): void {
  const { connection, documents, logger } = deps;
  // a notification, not window/showMessageRequest: Neovim answers that request with a blocking input prompt
  const show = (type: MessageType, message: string): void => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  connection.onDocumentSymbol((p, token) =>
    runSafe<DocumentSymbol[]>(logger, 'documentSymbol', token, [], async () => {
      const t = await deps.lookup(p.textDocument.uri);
      const doc = documents.get(p.textDocument.uri);
      return t && doc ? t.service.editor.documentSymbols(doc, t.ctx.parsed) : [];
    }),
  );
  connection.onDocumentLinks((p, token) =>
    runSafe<DocumentLink[]>(logger, 'documentLink', token, [], async () => {
      const doc = documents.get(p.textDocument.uri);
      const service = deps.service();
      if (!doc || !service) return [];
      const parsed = await deps.parsedOf(p.textDocument.uri);
      return service.editor.documentLinks(doc, parsed?.isPolicy ? parsed : undefined);
    }),
  );
  connection.languages.inlayHint.on((p, token) =>
    runSafe<InlayHint[]>(logger, 'inlayHint', token, [], async () => {
      const t = await deps.lookup(p.textDocument.uri);
      const doc = documents.get(p.textDocument.uri);
      return t && doc ? t.service.editor.inlayHints(doc, t.ctx.parsed, p.range) : [];
    }),
  );
  const run = (command: string) => (args: readonly unknown[]) => execute({ command, arguments: [...args] });
  for (const command of Object.values(SERVER_COMMANDS)) registerCommand(connection, command, run(command));
  async function execute(p: { command: string; arguments: unknown[] }): Promise<unknown> {
    const args = p.arguments;
    try {
      switch (p.command) {
        case SERVER_COMMANDS.showEffectiveActions: {
          const [uri, policyIndex, statementIndex] = args as [string, number | undefined, number | undefined];
          const found = typeof uri === 'string' ? await deps.lookup(uri) : undefined;
          if (!found) {
            show(MessageType.Info, 'This document is not an IAM policy (or is too large to check).');
            return null;
          }
          const result = effectiveActions(found.service, found.ctx.parsed, { uri, ...(typeof policyIndex === 'number' ? { policyIndex } : {}), ...(typeof statementIndex === 'number' ? { statementIndex } : {}) });
          const text = effectiveActionsText(result);
          connection.console.info(text.full);
          show(MessageType.Info, text.summary);
          return result;
        }
        case SERVER_COMMANDS.openRuleDocs: {
          const code = typeof args[0] === 'string' ? args[0] : undefined;
          const url = code ? ruleDocsUrl(code) : ruleDocsUrl('').replace(/#$/, '');
          if (client().showDocument) {
            const shown = await connection.window.showDocument({ uri: url, external: true }).catch(() => ({ success: false }));
            if (shown.success) return url;
          }
          show(MessageType.Info, `${code ? `${code}: ` : ''}${url}`);
          return url;
        }
        case SERVER_COMMANDS.disableRule: {
          const [uri, code, scope] = args as [string, string, string | undefined];
          if (typeof uri !== 'string' || typeof code !== 'string' || !getRule(code) || !uri.startsWith('file:')) return null;
          const file = fileURLToPath(uri);
          const disabled = disableRuleEdit(file, deps.folderOf(file), code, (u) => documents.get(u)?.getText(), scope === 'file' ? 'file' : 'workspace');
          if (!disabled) {
            show(MessageType.Warning, `No .iam-policy.json "overrides" glob can name ${file} exactly: add one by hand.`);
            return null;
          }
          const { edit, path } = disabled;
          const applied = await connection.workspace.applyEdit({ label: `Disable ${code}`, edit });
          if (!applied.applied) {
            show(MessageType.Warning, `Could not write ${path}${applied.failureReason ? `: ${applied.failureReason}` : ''}.`);
            return null;
          }
          deps.configChanged();
          return path;
        }
        default:
          return null;
      }
    } catch (err) {
      logger.error(`command ${p.command} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return null;
    }
  }
}
