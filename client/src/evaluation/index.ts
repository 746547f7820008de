// Registers the evaluation commands of the VS Code client (Simulate Request…, Explain Access Denied…) and
// their highlight and report views. The server does the evaluating; policy-test marks need nothing here (they
// are CodeLens and diagnostics of the server, and their "reveal" command is the server's own).

import { commands, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EVALUATION_CLIENT_COMMANDS } from '../../../server/src/evaluationProtocol';
import { explainAccessDenied } from './explainCommand';
import { ReportView } from './reportView';
import { simulateRequest } from './simulateCommand';
import { StatementHighlighter } from './statementHighlight';

export function registerEvaluationFeatures(context: ExtensionContext, client: LanguageClient): void {
  const highlighter = new StatementHighlighter();
  const reports = new ReportView();
  context.subscriptions.push(
    highlighter,
    reports,
    commands.registerCommand(EVALUATION_CLIENT_COMMANDS.simulateRequest, () => simulateRequest(client, highlighter, reports)),
    // an optional argument lets tests and keybindings pass the message instead of pasting it
    commands.registerCommand(EVALUATION_CLIENT_COMMANDS.explainAccessDenied, (message?: string) => explainAccessDenied(client, highlighter, reports, typeof message === 'string' ? message : undefined)),
  );
}
