/**
 * RESOURCE_POLICY_PRIVILEGE_ESCALATION: an identity policy allows a bucket-level right (s3:PutBucketPolicy,
 * s3:PutBucketAcl, s3:PutLifecycleConfiguration) on a bucket whose objects it does not allow the matching object
 * right on, so the holder can grant itself that right through the bucket (parliament, catalogue S15).
 */

import type { Rule } from '../rule';
import { foldAscii, globMatch } from '../../knowledge/glob';
import type { IamCatalog } from '../../knowledge/catalog';
import type { Located, PolicyDocument, Statement } from '../../parser/policyModel';
import { grantsToHolder, isAllow, patternNames } from './statementFacts';

/** Bucket right -> object rights it can be turned into (a policy grants anything; ACL WRITE puts and deletes; lifecycle expires). */
const ESCALATIONS: ReadonlyArray<[string, readonly string[]]> = [
  ['s3:PutBucketPolicy', ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']],
  ['s3:PutBucketAcl', ['s3:PutObject', 's3:DeleteObject']],
  ['s3:PutLifecycleConfiguration', ['s3:DeleteObject']],
];

interface Grant {
  readonly item: Located<string>;
  readonly resource: string;
}

/** An Allow statement with Action and Resource, and those of its Action items that may name an S3 action. */
interface S3Candidates {
  readonly statement: Statement;
  readonly items: readonly Located<string>[];
}

/** The statements that may allow an S3 action at all, found once for the six actions this rule asks about. */
function s3Candidates(policy: PolicyDocument): S3Candidates[] {
  const out: S3Candidates[] = [];
  for (const s of policy.statements) {
    if (!isAllow(s) || !s.action || s.action.negated || !s.resource || s.resource.negated) continue;
    const items = s.action.items.filter((i) => mayNameService(i.value, 's3'));
    if (items.length > 0) out.push({ statement: s, items });
  }
  return out;
}

/** Where the policy allows `action` (an S3 action): each (Action item, Resource string) pair of its Allow statements. */
function grantsOf(catalog: IamCatalog, candidates: readonly S3Candidates[], action: string): Grant[] {
  const out: Grant[] = [];
  const wanted = action.toLowerCase();
  for (const { statement, items } of candidates) {
    const item = items.find((i) => patternNames(catalog, i.value).has(wanted));
    if (!item) continue;
    for (const r of statement.resource!.items) out.push({ item, resource: r.value });
  }
  return out;
}

/**
 * False when the item's service prefix is a literal other than `service` (so it cannot grant the action): a cheap
 * test that spares expanding every item of every statement for the three S3 actions this rule looks for.
 */
function mayNameService(value: string, service: string): boolean {
  const colon = value.indexOf(':');
  if (colon < 0) return true;
  for (let i = 0; i < colon; i++) {
    const c = value.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) return true;
  }
  if (colon !== service.length) return false;
  for (let i = 0; i < colon; i++) if (foldAscii(value.charCodeAt(i)) !== service.charCodeAt(i)) return false;
  return true;
}

/** True when some allowed object-right resource covers the objects of `bucket`. */
function coversObjects(objectResources: readonly string[], bucket: string): boolean {
  return objectResources.some((p) => p === '*' || p === `${bucket}/*` || globMatch(p, `${bucket}/*`, false));
}

export const bucketPrivilegeEscalation: Rule = {
  code: 'RESOURCE_POLICY_PRIVILEGE_ESCALATION',
  defaultSeverity: 'warning',
  category: 'security',
  summary: 'A bucket-level right (PutBucketPolicy, PutBucketAcl, PutLifecycleConfiguration) can be turned into object rights the policy does not grant.',
  catalogue: ['S15'],
  docs: `Whoever may change a bucket's policy can grant itself any right on the bucket's objects; a bucket ACL
can grant writes and deletes (unless the bucket disables ACLs), and a lifecycle rule can expire (delete) every object. If the policy allows such a
bucket-level action but not the object actions it leads to, the limit on object access is only apparent. Either
also grant the object actions (if intended) or drop the bucket-level action.

Bad:
\`\`\`json
{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutBucketPolicy"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"] }
\`\`\`
Good:
\`\`\`json
{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }
\`\`\``,
  checkPolicy(ctx) {
    if (!grantsToHolder(ctx.policy.policyType)) return;
    const candidates = s3Candidates(ctx.policy);
    if (candidates.length === 0) return;
    const byItem = new Map<Located<string>, { missing: Set<string>; buckets: Set<string>; bucketAction: string }>();
    for (const [bucketAction, objectActions] of ESCALATIONS) {
      const bucketGrants = grantsOf(ctx.catalog, candidates, bucketAction);
      if (bucketGrants.length === 0) continue;
      const objectResources = new Map(objectActions.map((o) => [o, grantsOf(ctx.catalog, candidates, o).map((g) => g.resource)]));
      for (const g of bucketGrants) {
        // object ARNs ("bucket/key") are not buckets: a bucket right listed on them does nothing
        if (g.resource !== '*' && !/^arn:[^:]+:s3:::[^/]+$/.test(g.resource)) continue;
        const missing = objectActions.filter((o) => !coversObjects(objectResources.get(o)!, g.resource));
        if (missing.length === 0) continue;
        const entry = byItem.get(g.item) ?? { missing: new Set<string>(), buckets: new Set<string>(), bucketAction };
        for (const m of missing) entry.missing.add(m);
        entry.buckets.add(g.resource);
        byItem.set(g.item, entry);
      }
    }
    for (const [item, e] of byItem) {
      const missing = [...e.missing];
      const buckets = [...e.buckets];
      ctx.report(
        item,
        `"${item.value}" on "${buckets[0]}"${buckets.length > 1 ? ` (and ${buckets.length - 1} more)` : ''} can be used to obtain ${missing.join(', ')} on the bucket's objects, which this policy does not allow: remove the bucket-level action or grant the object actions openly.`,
        { data: { buckets, missing } },
      );
    }
  },
};
