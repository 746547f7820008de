/** DUPLICATE_KEY: the same key twice in one JSON object; JSON.parse (and so IAM tooling) silently keeps only the last. */

import type { Rule } from '../rule';
import { propertyKeyNode } from '../../parser/jsonTree';

export const duplicateKey: Rule = {
  code: 'DUPLICATE_KEY',
  defaultSeverity: 'error',
  category: 'syntax',
  summary: 'A key appears twice in the same JSON object.',
  catalogue: ['G02'],
  docs: `JSON objects may not repeat a key. Most parsers keep only the last value, so the first one is
silently ignored: a second \`"Action"\` or \`"Condition"\` replaces the first instead of adding to it.
Merge the values into one key.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*" }
\`\`\``,
  checkDocument(ctx) {
    for (const dup of ctx.document.duplicateKeys) {
      const keyNode = propertyKeyNode(dup.property);
      if (!keyNode) continue;
      ctx.report(
        { offset: keyNode.offset, length: keyNode.length },
        `Duplicate key "${dup.key}": only one value is used. Merge the two "${dup.key}" entries into one.`,
        { data: { key: dup.key } },
      );
    }
  },
};
