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
import { expandStatementActions } from '../../knowledge/statementActions';
import { derivePatternFact, elementPatternFacts, pickActions, type PatternFacts } from '../../knowledge/patternFacts';
import { DerivedKey } from '../../parser/derived';
import type { PolicyDocument } from '../../parser/policyModel';
import { inServiceOnlyRole } from './serviceOnlyRole';

/** Actions that a Deny statement guarded by an MFA or network key already blocks when that guard fails. */
function guardedByDeny(catalog: IamCatalog, policy: PolicyDocument): ReadonlySet<ActionInfo> {
  const out = new Set<ActionInfo>();
  for (const s of policy.statements) {
    if (s.effect?.value !== 'Deny' || !usesConditionKey(s, SENSITIVE_ACTION_GUARD_KEYS)) continue;
    for (const a of expandStatementActions(catalog, s).actions) out.add(a);
  }
  return out;
}

/**
 * The MFA self-management actions AWS's own "manage your own MFA device" policy allows without MFA, because
 * there is no MFA device yet when a user creates, enables or resyncs one (IAM User Guide,
 * reference_policies_examples_iam_mfa-selfmanage): asking for MFA on them is advice that cannot be followed.
 */
export const MFA_BOOTSTRAP: ReadonlySet<string> = new Set(['iam:createvirtualmfadevice', 'iam:enablemfadevice', 'iam:resyncmfadevice']);

export function isDefaultSensitive(a: ActionInfo): boolean {
  // (the lowercased name is made only for the services the tables name: this runs for every expanded action)
  const prefix = a.service.prefix;
  let lower: string | undefined;
  if (prefix.length === 3 && prefix.toLowerCase() === 'iam' && MFA_BOOTSTRAP.has((lower = a.fullName.toLowerCase()))) return false;
  for (const g of DEFAULT_SENSITIVE_ACTIONS) {
    if (prefix !== g.service) continue;
    if ((a.accessLevel & g.accessLevels) !== 0) return true;
    if (g.actions.length === 0) continue;
    lower ??= a.fullName.toLowerCase();
    for (const n of g.actions) if (n.toLowerCase() === lower) return true;
  }
  return false;
}

/** settings.sensitiveActions are action patterns ("iam:*", "kms:Decrypt"), matched with the IAM glob matcher. */
function settingsPicker(patterns: readonly string[]): (a: ActionInfo) => boolean {
  return (a) => patterns.some((p) => globMatch(p, a.fullName));
}

export function sensitivePicker(_catalog: IamCatalog, patterns: readonly string[] | undefined): (a: ActionInfo) => boolean {
  return patterns && patterns.length ? settingsPicker(patterns) : isDefaultSensitive;
}

/**
 * Which actions of an expansion are sensitive is fixed for a setting, and the rule asks it for every item on every
 * keystroke: remembered per setting (the patterns array, kept while the user does not change it) and per
 * expansion array (expandPattern's cached arrays).
 */
const subsetCache = new WeakMap<object, WeakMap<readonly ActionInfo[], readonly ActionInfo[]>>();

/** With the default table, the sensitive actions of each pattern are kept with the pattern's facts instead. */
const DEFAULT_SUBSET = new DerivedKey<readonly ActionInfo[]>('defaultSensitiveSubset');
function defaultSubset(facts: PatternFacts): readonly ActionInfo[] {
  return pickActions(facts, isDefaultSensitive);
}

/** undefined for the default table (see DEFAULT_SUBSET) */
function sensitiveSubsets(patterns: readonly string[] | undefined): WeakMap<readonly ActionInfo[], readonly ActionInfo[]> | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  const setting = patterns;
  let subsets = subsetCache.get(setting);
  if (!subsets) subsetCache.set(setting, (subsets = new WeakMap()));
  return subsets;
}

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
Not reported: the MFA self-management actions (iam:CreateVirtualMFADevice, iam:EnableMFADevice,
iam:ResyncMFADevice: no MFA device exists yet when they run, as AWS's "manage your own MFA" policy shows), and
in templates, the policies of a role only AWS services assume (a Lambda execution role, a SAM function's role).

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
    // a role only AWS services assume (a Lambda execution role): no one can present MFA or sit on a network there
    if (inServiceOnlyRole(ctx.document, ctx.policy)) return;
    const sensitive = sensitivePicker(ctx.catalog, ctx.settings.sensitiveActions);
    const bySubset = sensitiveSubsets(ctx.settings.sensitiveActions);
    // a separate "Deny ... unless MFA / network" statement guards the actions it lists just as well
    const denied = guardedByDeny(ctx.catalog, ctx.policy);
    for (const s of ctx.policy.statements) {
      if (!isAllow(s) || !s.action || s.action.negated || usesConditionKey(s, SENSITIVE_ACTION_GUARD_KEYS)) continue;
      const items = s.action.items;
      const facts = elementPatternFacts(ctx.catalog, s.action);
      for (let k = 0; k < items.length; k++) {
        const item = items[k]!;
        if (isStarAction(item.value)) continue;
        let subset: readonly ActionInfo[] | undefined;
        if (!bySubset) subset = derivePatternFact(facts[k]!, DEFAULT_SUBSET, defaultSubset);
        else {
          const expanded = facts[k]!.actions;
          subset = bySubset.get(expanded);
          if (!subset) bySubset.set(expanded, (subset = expanded.filter(sensitive)));
        }
        const actions = denied.size === 0 ? subset : subset.filter((a) => !denied.has(a));
        if (actions.length === 0) continue;
        const m = { item, actions };
        const names = m.actions.map((a) => a.fullName);
        const itself = names.length === 1 && names[0]!.toLowerCase() === m.item.value.toLowerCase();
        const what = itself ? 'is a sensitive action allowed' : `allows sensitive actions (${listForMessage(names)})`;
        ctx.report(m.item, `"${m.item.value}" ${what} without an MFA or network condition: consider requiring aws:MultiFactorAuthPresent or a source network.`, {
          data: { actions: names, statementIndex: s.index, suggestedKeys: ['aws:MultiFactorAuthPresent', 'aws:SourceIp', 'aws:SourceVpc'] },
        });
      }
    }
  },
};
