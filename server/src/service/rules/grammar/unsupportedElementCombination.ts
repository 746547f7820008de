/** UNSUPPORTED_ELEMENT_COMBINATION: Action+NotAction, Resource+NotResource or Principal+NotPrincipal together. */

import type { Rule } from '../rule';
import { properties, propertyKey, propertyKeyNode } from '../../parser/jsonTree';
import { grammarProblems } from './grammarProblems';

export const unsupportedElementCombination: Rule = {
  code: 'UNSUPPORTED_ELEMENT_COMBINATION',
  defaultSeverity: 'error',
  category: 'grammar',
  summary: 'A statement has both an element and its Not form.',
  catalogue: ['G13'],
  accessAnalyzer: ['UNSUPPORTED_ELEMENT_COMBINATION'],
  docs: `A statement may have \`Action\` or \`NotAction\`, \`Resource\` or \`NotResource\`, \`Principal\` or
\`NotPrincipal\`, never both of a pair. Split it into two statements if you need both.

Bad:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Action": "s3:*", "NotAction": "s3:GetObject", "Resource": "*" } ] }
\`\`\`
Good:
\`\`\`json
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "*" } ] }
\`\`\``,
  checkPolicy(ctx) {
    for (const p of grammarProblems(ctx.policy)) {
      if (p.kind !== 'exclusive') continue;
      const [a, b] = p.pair;
      // the later of the two keys is the one that was added by mistake, most of the time
      const props = properties(p.object).filter((x) => propertyKey(x) === a || propertyKey(x) === b);
      const later = props[props.length - 1];
      const keyNode = later ? propertyKeyNode(later) : undefined;
      if (!keyNode) continue;
      ctx.report({ offset: keyNode.offset, length: keyNode.length }, `A statement cannot have both "${a}" and "${b}": keep one of them.`, { data: { pair: [a, b], element: propertyKey(later!) } });
    }
  },
};
