/** CREDENTIALS_EXPOSURE: actions that return credentials, allowed on every resource without conditions (S12). */

import { CREDENTIALS_EXPOSURE_ACTIONS } from '../../knowledge/riskTables';
import { actionNameSet, tablePicker } from './actionItems';
import { tableRule } from './tableRule';

const TABLE = actionNameSet(CREDENTIALS_EXPOSURE_ACTIONS);

export const credentialsExposure = tableRule({
  code: 'CREDENTIALS_EXPOSURE',
  defaultSeverity: 'warning',
  summary: 'Actions that return credentials are allowed on every resource without conditions.',
  catalogue: ['S12'],
  docs: `Some actions return credentials in their response: access keys (\`iam:CreateAccessKey\`), role sessions
(\`sts:AssumeRole\`), registry tokens (\`ecr:GetAuthorizationToken\`), instance passwords (\`ec2:GetPasswordData\`).
On \`"*"\` the holder can obtain credentials for any user or role that allows it. The list is parliament's
CREDENTIALS_EXPOSURE table plus \`ec2:GetPasswordData\` (cloudsplaining). Name the resources, or add conditions.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/deploy" }
\`\`\``,
  pick: (catalog) => tablePicker(catalog, TABLE),
  message: (written, list) => (list ? `"${written}" allows actions that return credentials (${list}) on every resource: name the resources or add conditions.` : `"${written}" returns credentials and is allowed on every resource: name the resources or add conditions.`),
});
