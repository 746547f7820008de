/** DATA_EXFILTRATION: high-value reads (S3 objects, SSM parameters, secrets) on every resource without conditions (S13). */

import { DATA_EXFILTRATION_ACTIONS } from '../../knowledge/riskTables';
import { actionNameSet, tablePicker } from './actionItems';
import { tableRule } from './tableRule';

const TABLE = actionNameSet(DATA_EXFILTRATION_ACTIONS);

export const dataExfiltration = tableRule({
  code: 'DATA_EXFILTRATION',
  defaultSeverity: 'warning',
  summary: 'Reads of S3 objects, SSM parameters or secrets are allowed on every resource without conditions.',
  catalogue: ['S13'],
  docs: `\`s3:GetObject\`, \`ssm:GetParameter*\` and \`secretsmanager:GetSecretValue\` on \`"*"\` read every object,
parameter and secret the account holds; unrestricted \`s3:GetObject\` has a long history of data leaks
(cloudsplaining's data-exfiltration list). Name the buckets, parameters or secrets.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*" }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-*" }
\`\`\``,
  pick: (catalog) => tablePicker(catalog, TABLE),
  message: (written, list) => (list ? `"${written}" allows reading data (${list}) from every resource: name the buckets, parameters or secrets.` : `"${written}" reads data and is allowed on every resource: name the buckets, parameters or secrets.`),
});
