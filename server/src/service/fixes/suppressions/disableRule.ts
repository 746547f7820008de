// "Disable RULE for this line / file" quick fixes: they write the inline suppression forms that
// suppress/inlineSuppressions.ts reads, where the format has comments (CloudFormation/SAM YAML, Terraform), and
// "for this resource" in CloudFormation templates, JSON or YAML (resource Metadata: metadataSuppression.ts).
// Plain JSON policies have neither: the server offers the `.iam-policy.json` forms there (lsp/disableRule.ts),
// since the pure service cannot write another file. codeActions.ts checks that each edit suppresses its
// diagnostic and adds no error.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { FixContext, FixProposal } from '../fixTypes';
import { IGNORE_DIRECTIVE, IGNORE_FILE_DIRECTIVE } from '../../suppress/inlineSuppressions';
import { metadataSuppressionProposal } from './metadataSuppression';

const REASON = 'reason';

export function disableRuleProposals(ctx: FixContext, diagnostic: Diagnostic): FixProposal[] {
  if (typeof diagnostic.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(diagnostic.code)) return [];
  const code = diagnostic.code;
  const metadata = metadataSuppressionProposal(ctx, diagnostic, code);
  if (ctx.parsed.syntax === undefined) return metadata ? [metadata] : [];
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
  if (metadata) out.splice(1, 0, metadata);
  return out;
}
