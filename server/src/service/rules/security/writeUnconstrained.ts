/** WRITE_UNCONSTRAINED: "Write" actions with a required resource type, allowed on every resource without conditions (S14). */

import { AccessLevel } from '../../knowledge/accessLevel';
import { tableRule } from './tableRule';

export const writeUnconstrained = tableRule({
  code: 'WRITE_UNCONSTRAINED',
  defaultSeverity: 'info',
  summary: 'Write actions that could be limited to named resources are allowed on every resource.',
  catalogue: ['S14'],
  docs: `Write actions on \`"*"\` can change or delete any resource of that type in the account (cloudsplaining's
"Infrastructure modification"). Only actions with a required resource type are reported: for the others \`"*"\` is
the only (or a needed) choice.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:DeleteTable", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "dynamodb:DeleteTable", "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/scratch-*" }
\`\`\``,
  pick: () => (a) => (a.accessLevel & AccessLevel.Write) !== 0 && a.resources.some((r) => r.required),
  message: (written, list) => (list ? `"${written}" allows write actions (${list}) on every resource: name the resources they should change.` : `"${written}" is a write action allowed on every resource: name the resources it should change.`),
});
