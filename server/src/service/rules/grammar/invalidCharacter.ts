/** INVALID_CHARACTER: characters outside tab, LF, CR and U+0020-U+00FF in the policy text, one finding per run. */

import type { Rule } from '../rule';
import type { JsonNode } from '../../parser/jsonTree';
import { isAscii } from '../../util/ascii';

/** Enough to point the user at the problem without flooding the Problems panel. */
const MAX_FINDINGS = 20;

export const invalidCharacter: Rule = {
  code: 'INVALID_CHARACTER',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'The policy contains a character IAM does not accept.',
  catalogue: ['G19'],
  docs: `A policy may contain only tab, line feed, carriage return and the characters U+0020 to U+00FF.
Typographic quotes, dashes, non-breaking and zero-width spaces pasted from documents or chat are the usual
culprits.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Sid": "Read\u2013Only", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Sid": "ReadOnly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    // only inside strings (keys and values): elsewhere such a character is already a JSON syntax error, and in
    // a YAML or HCL template the text around the policy (comments) never reaches AWS
    const errors = ctx.document.syntaxErrors;
    // in JSON text without syntax errors every string is free of control characters (the parser reports
    // them), so only a character above U+00FF could be reported: ASCII text has none
    if (ctx.document.syntax === undefined && errors.length === 0 && isAscii(ctx.text)) return;
    // almost every policy is plain Latin-1: one native regex scan over the policy's text settles that, and only a
    // policy with some other character pays for the per-string walk below
    DISALLOWED.lastIndex = ctx.policy.root.offset;
    const first = DISALLOWED.exec(ctx.text);
    if (!first || first.index >= ctx.policy.root.offset + ctx.policy.root.length) return;
    let count = 0;
    for (const node of stringNodes(ctx.policy.root)) {
      const end = node.offset + node.length;
      let i = node.offset;
      while (i < end && count < MAX_FINDINGS) {
        const cp = ctx.text.codePointAt(i)!;
        if (allowed(cp)) {
          i++;
          continue;
        }
        // one finding per run of bad characters
        let j = i;
        const chars: number[] = [];
        while (j < end) {
          const c = ctx.text.codePointAt(j)!;
          if (allowed(c)) break;
          chars.push(c);
          j += c > 0xffff ? 2 : 1;
        }
        if (!errors.some((e) => e.offset < j && e.offset + e.length > i)) {
          const shown = [...new Set(chars)].map((c) => `"${String.fromCodePoint(c)}" (${codePoint(c)})`).join(', ');
          ctx.report({ offset: i, length: j - i }, `${chars.length > 1 ? 'Characters' : 'Character'} ${shown} ${chars.length > 1 ? 'are' : 'is'} not allowed in a policy: use only tab, line breaks and U+0020 to U+00FF.`, {
            data: { codePoints: chars },
          });
          count++;
        }
        i = j;
      }
    }
  },
};

/** Any character outside tab, line breaks and U+0020-U+00FF (a constant pattern; never built from user text). */
const DISALLOWED = /[^\t\n\r\u0020-\u00ff]/g;

/** Every string node (property keys included) under a node, in document order. */
function stringNodes(root: JsonNode): JsonNode[] {
  const out: JsonNode[] = [];
  const visit = (n: JsonNode): void => {
    if (n.type === 'string') out.push(n);
    for (const c of n.children ?? []) visit(c);
  };
  visit(root);
  return out;
}

function allowed(cp: number): boolean {
  return cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp <= 0xff);
}

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
