// "Disable RULE for this line / file" quick fixes: they write the inline suppression forms that
// suppress/inlineSuppressions.ts reads, where the format has comments (CloudFormation/SAM YAML, Terraform).
// Plain JSON has none: there, .iam-policy.json `overrides` or a CLI baseline do the job (README).
// The edits only add a comment line; codeActions.ts still checks that they add no error.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { FixContext, FixProposal } from '../fixTypes';
import { IGNORE_DIRECTIVE, IGNORE_FILE_DIRECTIVE } from '../../suppress/inlineSuppressions';

const REASON = 'reason';

export function disableRuleProposals(ctx: FixContext, diagnostic: Diagnostic): FixProposal[] {
  const syntax = ctx.parsed.syntax;
  if (syntax === undefined || typeof diagnostic.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(diagnostic.code)) return [];
  const code = diagnostic.code;
  const lineStart = ctx.doc.offsetAt({ line: diagnostic.range.start.line, character: 0 });
  const lineText = ctx.text.slice(lineStart, ctx.text.indexOf('\n', lineStart) < 0 ? ctx.text.length : ctx.text.indexOf('\n', lineStart));
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const out: FixProposal[] = [
    {
      title: `Disable ${code} for this line`,
      kind: 'quickfix',
      edits: [{ offset: lineStart, length: 0, newText: `${indent}# ${IGNORE_DIRECTIVE} ${code}: ${REASON}${eol}` }],
    },
  ];
  // the file form goes at the top, after a YAML document marker or leading comments it would otherwise split
  out.push({ title: `Disable ${code} for this file`, kind: 'quickfix', edits: [{ offset: 0, length: 0, newText: `# ${IGNORE_FILE_DIRECTIVE} ${code}: ${REASON}${eol}` }] });
  return out;
}
