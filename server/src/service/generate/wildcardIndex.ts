// The generalised resources ("parent/*", "parent:*") of one action's usage, indexed by parent, for the test
// every further ARN of a generalised action needs: is it under one of them already? The index answers with
// at most one lookup of a slice of the ARN per distinct parent length, instead of building "parent/*" for
// every "/" and ":" of the ARN and hashing it (aggregate.ts coveredByWildcard, which it must agree with).

/** "parent/*" or "parent:*": an entry that can cover other ARNs. */
export function isWildcard(arn: string): boolean {
  const n = arn.length;
  if (n < 2 || arn.charCodeAt(n - 1) !== 0x2a) return false;
  const c = arn.charCodeAt(n - 2);
  return c === 0x2f || c === 0x3a;
}

/** Index of the n-th ":" (1-based), or -1. */
export function nthColon(s: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = s.indexOf(':', i + 1);
    if (i < 0) return -1;
  }
  return i;
}

export class WildcardIndex {
  /** parent ("arn:aws:s3:::bucket/logs/") → the set's entry ("arn:aws:s3:::bucket/logs/*") */
  private readonly byParent = new Map<string, string>();
  /** the distinct lengths of the parents */
  private readonly lengths: number[] = [];

  /** Indexes the wildcards of a set; the caller must `note` every entry it adds to the set afterwards. */
  constructor(set: Iterable<string>) {
    for (const arn of set) this.note(arn);
  }

  note(arn: string): void {
    if (!isWildcard(arn)) return;
    const parent = arn.slice(0, -1);
    this.byParent.set(parent, arn);
    if (!this.lengths.includes(parent.length)) this.lengths.push(parent.length);
  }

  /**
   * Whether an entry "parent/*" or "parent:*" of the set covers the ARN, "parent/" being the ARN cut after a
   * "/" or ":" of its resource part (after the 5th colon). Right for a set whose every wildcard was noted;
   * an indexed entry the set no longer holds is not counted.
   */
  covers(set: ReadonlySet<string>, arn: string): boolean {
    const lengths = this.lengths;
    if (lengths.length === 0) return false;
    const colon5 = nthColon(arn, 5);
    if (colon5 < 0) return false;
    for (let k = 0; k < lengths.length; k++) {
      const n = lengths[k]!;
      if (n - 1 <= colon5 || n > arn.length) continue;
      const c = arn.charCodeAt(n - 1);
      if (c !== 0x2f && c !== 0x3a) continue;
      const wildcard = this.byParent.get(arn.slice(0, n));
      if (wildcard !== undefined && set.has(wildcard)) return true;
    }
    return false;
  }
}
