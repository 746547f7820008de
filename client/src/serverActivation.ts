// Starts the language server only once a document it has something to say about is open: an IAM policy (the
// iam-policy language, or JSON with a "Statement"), a CloudFormation/SAM template, a Terraform file mentioning
// IAM, or a policy test file (*.iamtest.json/yaml). Opening package.json or any other JSON starts no server
// process. A cheap text test on open only; the server still decides what to check.

import { workspace, type Disposable, type TextDocument } from 'vscode';

const TEST_FILE = /\.iamtest\.(json|ya?ml)$/i;
const POLICY_JSON = /"(Statement|PolicyDocument|AssumeRolePolicyDocument)"\s*:/;
const TEMPLATE = /AWSTemplateFormatVersion|AWS::Serverless|"?Type"?\s*:\s*"?AWS::/;
const TERRAFORM_IAM = /aws_iam_|_policy"|jsonencode\(|policy\s*=/;

/** Does opening this document need the server? */
export function needsServer(doc: Pick<TextDocument, 'languageId' | 'uri' | 'getText'>): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  const path = doc.uri.path;
  if (doc.languageId === 'iam-policy' || TEST_FILE.test(path)) return true;
  if (/\.(iam|policy)\.json$/i.test(path) || /\.iam-policy\.json$/.test(path)) return true;
  switch (doc.languageId) {
    case 'json':
    case 'jsonc': {
      const text = doc.getText();
      return POLICY_JSON.test(text) || TEMPLATE.test(text);
    }
    case 'yaml':
      return TEMPLATE.test(doc.getText());
    case 'terraform':
      return TERRAFORM_IAM.test(doc.getText());
    default:
      return /\.tf$/.test(path) ? TERRAFORM_IAM.test(doc.getText()) : /\.template$/.test(path) && TEMPLATE.test(doc.getText());
  }
}

/**
 * Calls `start` once, when a document that needs the server is open or opened (or typed into: an untitled
 * document becomes a policy while it is written). Returns the listeners to dispose.
 */
export function startWhenNeeded(start: () => void): Disposable[] {
  let started = false;
  const disposables: Disposable[] = [];
  const check = (doc: TextDocument): void => {
    if (started || !needsServer(doc)) return;
    started = true;
    for (const d of disposables) d.dispose();
    start();
  };
  disposables.push(
    workspace.onDidOpenTextDocument(check),
    // only untitled documents: a regular expression over a large file on every keystroke is not free
    workspace.onDidChangeTextDocument((e) => e.document.isUntitled && check(e.document)),
  );
  for (const doc of workspace.textDocuments) check(doc);
  return disposables;
}
