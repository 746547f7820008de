/**
 * SENSITIVE_ACTION_WITHOUT_CONDITION: sensitive actions (IAM writes, PassRole, KMS, Secrets Manager,
 * Organizations; or settings.sensitiveActions) allowed without an MFA or network condition (S24).
 */

import type { ActionInfo, IamCatalog } from '../../knowledge/catalog';
import { globMatch } from '../../knowledge/glob';
import { DEFAULT_SENSITIVE_ACTIONS, SENSITIVE_ACTION_GUARD_KEYS } from '../../knowledge/riskTables';
import type { Rule } from '../rule';
import { isStarAction } from './actionItems';
import { grantsToHolder, isAllow, listForMessage, usesConditionKey } from './statementFacts';
import { expandPattern, expandStatementActions } from '../../knowledge/statementActions';
import type { PolicyDocument } from '../../parser/policyModel';

/** Actions that a Deny statement guarded by an MFA or network key already blocks when that guard fails. */
function guardedByDeny(catalog: IamCatalog, policy: PolicyDocument): ReadonlySet<ActionInfo> {
  const out = new Set<ActionInfo>();
  for (const s of policy.statements) {
    if (s.effect?.value !== 'Deny' || !usesConditionKey(s, SENSITIVE_ACTION_GUARD_KEYS)) continue;
    for (const a of expandStatementActions(catalog, s).actions) out.add(a);
  }
  return out;
}

function isDefaultSensitive(a: ActionInfo): boolean {
  return DEFAULT_SENSITIVE_ACTIONS.some(
    (g) => a.service.prefix === g.service && ((a.accessLevel & g.accessLevels) !== 0 || g.actions.some((n) => n.toLowerCase() === a.fullName.toLowerCase())),
  );
}

/** settings.sensitiveActions are action patterns ("iam:*", "kms:Decrypt"), matched with the IAM glob matcher. */
function settingsPicker(patterns: readonly string[]): (a: ActionInfo) => boolean {
  return (a) => patterns.some((p) => globMatch(p, a.fullName));
}

/**
 * The answer per action is fixed for a catalog and a setting, and the rule asks it for every expanded action on
 * every keystroke: remembered per action (the settings object is kept as long as the user does not change it).
 */
const defaultAnswers = new WeakMap<ActionInfo, boolean>();
const settingsAnswers = new WeakMap<readonly string[], WeakMap<ActionInfo, boolean>>();

function remembered(answers: WeakMap<ActionInfo, boolean>, test: (a: ActionInfo) => boolean): (a: ActionInfo) => boolean {
  return (a) => {
    let answer = answers.get(a);
    if (answer === undefined) answers.set(a, (answer = test(a)));
    return answer;
  };
}

export function sensitivePicker(_catalog: IamCatalog, patterns: readonly string[] | undefined): ((a: ActionInfo) => boolean) & { readonly answers: object } {
  if (!patterns || patterns.length === 0) return Object.assign(remembered(defaultAnswers, isDefaultSensitive), { answers: defaultAnswers });
  let answers = settingsAnswers.get(patterns);
  if (!answers) settingsAnswers.set(patterns, (answers = new WeakMap()));
  return Object.assign(remembered(answers, settingsPicker(patterns)), { answers });
}

/** answers table -> expansion array -> its sensitive actions */
const subsetCache = new WeakMap<object, WeakMap<readonly ActionInfo[], readonly ActionInfo[]>>();

export const sensitiveActionWithoutCondition: Rule = {
  code: 'SENSITIVE_ACTION_WITHOUT_CONDITION',
  defaultSeverity: 'info',
  category: 'security',
  summary: 'Sensitive actions are allowed without an MFA or network condition.',
  catalogue: ['S24'],
  docs: `Changing IAM, passing roles, administering or using KMS keys, reading secrets and changing the
organization are worth a second guard: require MFA (\`aws:MultiFactorAuthPresent\`), a network
(\`aws:SourceIp\`, \`aws:SourceVpc\`, \`aws:SourceVpce\`) or the organization (\`aws:PrincipalOrgID\`). The watched
actions can be replaced with the \`sensitiveActions\` setting (action patterns such as \`"iam:*"\`).

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": "iam:CreateUser", "Resource": "arn:aws:iam::111122223333:user/*" }
\`\`\`
Good (a condition on the Allow, or a separate Deny statement guarded the same way):
\`\`\`json
{ "Effect": "Allow", "Action": "iam:CreateUser", "Resource": "arn:aws:iam::111122223333:user/*",
  "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsToHolder(ctx.policy.policyType)) return;
    const sensitive = sensitivePicker(ctx.catalog, ctx.settings.sensitiveActions);
    // which actions of an expansion are sensitive is fixed per setting: remembered per (cached) expansion array
    let subsets = subsetCache.get(sensitive.answers);
    if (!subsets) subsetCache.set(sensitive.answers, (subsets = new WeakMap()));
    const bySubset = subsets;
    // a separate "Deny ... unless MFA / network" statement guards the actions it lists just as well
    const denied = guardedByDeny(ctx.catalog, ctx.policy);
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.action || s.action.negated || usesConditionKey(s, SENSITIVE_ACTION_GUARD_KEYS)) continue;
      for (const item of s.action.items) {
        if (isStarAction(item.value)) continue;
        const expanded = expandPattern(ctx.catalog, item.value);
        let subset = bySubset.get(expanded);
        if (!subset) bySubset.set(expanded, (subset = expanded.filter(sensitive)));
        const actions = denied.size === 0 ? subset : subset.filter((a) => !denied.has(a));
        if (actions.length === 0) continue;
        const m = { item, actions };
        const names = m.actions.map((a) => a.fullName);
        ctx.report(m.item, `"${m.item.value}" allows sensitive actions (${listForMessage(names)}) without an MFA or network condition: consider requiring aws:MultiFactorAuthPresent or a source network.`, {
          data: { actions: names, statementIndex: s.index, suggestedKeys: ['aws:MultiFactorAuthPresent', 'aws:SourceIp', 'aws:SourceVpc'] },
        });
      }
    }
  },
};
