// The ParsedDocument for a document over the size/nesting limits: no tree, no policies, only the reason.
// It counts as a policy when it plainly claims to hold one, so the user learns why nothing is checked;
// any other large file (data, logs) stays silent.

import type { ParsedDocument } from './parseDocument';

const CLAIMS_POLICY = /"Statement"\s*:|\bStatement\s*:|\bPolicyDocument\b|aws_iam_policy_document/;

export function skippedDocument(text: string, uri: string, languageId: string, reason: string): ParsedDocument {
  // only the start is examined: a linear regex on a bounded prefix keeps this cheap on huge files
  const isPolicy = languageId === 'iam-policy' || /\.(iam|policy)\.json$/i.test(uri) || CLAIMS_POLICY.test(text.slice(0, 100_000));
  return { text, uri, root: undefined, syntaxErrors: [], duplicateKeys: [], isPolicy, policies: [], skipped: reason };
}
