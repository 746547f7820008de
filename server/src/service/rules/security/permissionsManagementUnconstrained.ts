/** PERMISSIONS_MANAGEMENT_UNCONSTRAINED: "Permissions management" actions on every resource without conditions (S11). */

import { AccessLevel } from '../../knowledge/accessLevel';
import { tableRule } from './tableRule';

export const permissionsManagementUnconstrained = tableRule({
  code: 'PERMISSIONS_MANAGEMENT_UNCONSTRAINED',
  defaultSeverity: 'warning',
  summary: 'Permissions-management actions are allowed on every resource without conditions.',
  catalogue: ['S11'],
  docs: `Actions of the "Permissions management" access level change who can access what: resource policies,
grants, ACLs, IAM policies, RAM shares. On \`"*"\` they can expose any resource in the account (cloudsplaining's
"Resource exposure"). Name the resources, or add conditions.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::my-app-bucket" }
\`\`\``,
  pick: () => (a) => (a.accessLevel & AccessLevel.PermissionsManagement) !== 0,
  message: (written, list) => (list ? `"${written}" allows permissions-management actions (${list}) on every resource: name the resources or add conditions.` : `"${written}" is a permissions-management action allowed on every resource: name the resources or add conditions.`),
});
