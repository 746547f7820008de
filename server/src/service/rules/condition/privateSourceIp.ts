// Shared by PRIVATE_IP_ADDRESS and PRIVATE_IP_ADDRESS_SUBSET: the private ranges listed for aws:SourceIp in
// one IpAddress/NotIpAddress entry. aws:SourceIp is the public address AWS sees, never a private one.

import { isPrivateCidr, parseCidr } from '../../knowledge/conditionValues';
import type { ConditionEntry, Located } from '../../parser/policyModel';
import type { PolicyContext } from '../rule';
import { conditionSites } from './conditionUtil';

export interface PrivateRanges {
  readonly entry: ConditionEntry;
  readonly operator: string;
  readonly negated: boolean;
  readonly privateValues: readonly Located<string | number | boolean | null>[];
  /** every parseable value is private */
  readonly all: boolean;
}

export function privateSourceIpRanges(ctx: PolicyContext): PrivateRanges[] {
  const out: PrivateRanges[] = [];
  for (const { op, entry, block } of conditionSites(ctx.policy)) {
    if (op?.operator.family !== 'IpAddress' || entry.key.value.toLowerCase() !== 'aws:sourceip') continue;
    const parsed = entry.values.map((v) => ({ v, c: typeof v.value === 'string' ? parseCidr(v.value.trim()) : undefined })).filter((x) => x.c);
    const priv = parsed.filter((x) => isPrivateCidr(x.c!)).map((x) => x.v);
    if (priv.length === 0) continue;
    out.push({ entry, operator: block.operator.value, negated: op.operator.negated, privateValues: priv, all: priv.length === parsed.length });
  }
  return out;
}
