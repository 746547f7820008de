/** MISSING_TAG_KEY_IN_CONDITION: a tag-family key such as "aws:ResourceTag/" with no tag key after the slash. */

import type { Rule } from '../rule';
import { conditionKeyPatternPrefix } from '../../knowledge/globalConditionKeys';
import type { IamCatalog } from '../../knowledge/catalog';
import { conditionSites } from './conditionUtil';

/** True when `key` is exactly the literal prefix of a pattern key ("aws:RequestTag/", "s3:ExistingObjectTag/"). */
export function isPatternWithoutSuffix(catalog: IamCatalog, key: string): boolean {
  // "aws:ResourceTag/" and also "aws:ResourceTag" (slash forgotten too)
  const withSlash = key.endsWith('/') ? key : `${key}/`;
  if (catalog.getConditionKey(key) !== undefined) return false;
  const info = catalog.getConditionKey(`${withSlash}x`);
  return info !== undefined && info.isPattern && conditionKeyPatternPrefix(info.key.toLowerCase()) === withSlash.toLowerCase();
}

export const missingTagKeyInCondition: Rule = {
  code: 'MISSING_TAG_KEY_IN_CONDITION',
  defaultSeverity: 'error',
  category: 'condition',
  summary: 'A tag condition key has no tag key after the slash.',
  catalogue: ['C10'],
  accessAnalyzer: ['MISSING_TAG_KEY_IN_CONDITION'],
  docs: `Tag keys such as \`aws:ResourceTag/\` need the tag's key after the slash
(\`aws:ResourceTag/Department\`). Without it the key matches nothing.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/": "Dev" } } }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/Environment": "Dev" } } }
\`\`\``,
  checkPolicy(ctx) {
    for (const { entry } of conditionSites(ctx.policy)) {
      const key = entry.key.value;
      if (!isPatternWithoutSuffix(ctx.catalog, key)) continue;
      const withSlash = key.endsWith('/') ? key : `${key}/`;
      ctx.report(entry.key, `"${key}" has no tag key: add the tag's key after the slash, e.g. "${withSlash}Environment".`, { data: { key } });
    }
  },
};
