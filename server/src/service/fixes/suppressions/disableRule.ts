// "Disable RULE for this line / file" quick fixes: they write the inline suppression forms that
// suppress/inlineSuppressions.ts reads, where the format has comments (CloudFormation/SAM YAML, Terraform), and
// "for this resource" in CloudFormation templates, JSON or YAML (resource Metadata: metadataSuppression.ts).
// Plain JSON policies have neither: the server offers the `.iam-policy.json` forms there (lsp/disableRule.ts),
// since the pure service cannot write another file. codeActions.ts checks that each edit suppresses its
// diagnostic and adds no error.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { FixContext, FixProposal } from '../fixTypes';
import type { JsonNode } from '../../parser/jsonTree';
import { IGNORE_DIRECTIVE, IGNORE_FILE_DIRECTIVE } from '../../suppress/inlineSuppressions';
import { metadataSuppressionProposal } from './metadataSuppression';

const REASON = 'reason';

/** The deepest node of a tree that holds `offset`. */
function nodeAt(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  let node = root;
  for (;;) {
    const next = node?.children?.find((c) => offset >= c.offset && offset < c.offset + c.length);
    if (!next) return node;
    node = next;
  }
}

/** Is `line` (0-based) inside an HCL heredoc's text (`<<EOT` … `EOT`)? */
function inHeredoc(text: string, line: number): boolean {
  const lines = text.split('\n', line + 1);
  let tag: string | undefined;
  for (let i = 0; i < line; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (tag !== undefined) {
      if (l.trim() === tag) tag = undefined;
      continue;
    }
    tag = /<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(l.replace(/\s*(?:#|\/\/).*$/, ''))?.[1];
  }
  return tag !== undefined;
}

/**
 * A comment line cannot go inside a multi-line string: a policy written as a YAML block scalar (`|`) or an HCL
 * heredoc is JSON text there, and the "comment" would break that JSON (the policy would vanish, not be suppressed).
 */
function insideMultiLineString(ctx: FixContext, offset: number, line: number): boolean {
  if (ctx.parsed.syntax === 'hcl') return inHeredoc(ctx.text, line);
  const node = nodeAt(ctx.parsed.root, offset);
  return node?.type === 'string' && ctx.text.slice(node.offset, node.offset + node.length).includes('\n');
}

export function disableRuleProposals(ctx: FixContext, diagnostic: Diagnostic): FixProposal[] {
  if (typeof diagnostic.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(diagnostic.code)) return [];
  const code = diagnostic.code;
  const metadata = metadataSuppressionProposal(ctx, diagnostic, code);
  if (ctx.parsed.syntax === undefined) return metadata ? [metadata] : [];
  const lineStart = ctx.doc.offsetAt({ line: diagnostic.range.start.line, character: 0 });
  const lineForm = !insideMultiLineString(ctx, ctx.doc.offsetAt(diagnostic.range.start), diagnostic.range.start.line);
  const lineText = ctx.text.slice(lineStart, ctx.text.indexOf('\n', lineStart) < 0 ? ctx.text.length : ctx.text.indexOf('\n', lineStart));
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const out: FixProposal[] = [];
  if (lineForm) out.push({ title: `Disable ${code} for this line`, kind: 'quickfix', edits: [{ offset: lineStart, length: 0, newText: `${indent}# ${IGNORE_DIRECTIVE} ${code}: ${REASON}${eol}` }] });
  // the file form goes at the top, after a YAML document marker or leading comments it would otherwise split
  out.push({ title: `Disable ${code} for this file`, kind: 'quickfix', edits: [{ offset: 0, length: 0, newText: `# ${IGNORE_FILE_DIRECTIVE} ${code}: ${REASON}${eol}` }] });
  if (metadata) out.splice(out.length - 1, 0, metadata);
  return out;
}
