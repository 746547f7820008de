// `--fail-on error|warning|info`: which severity makes iam-policy-check exit 1. Default "error" keeps today's
// behaviour. `info` also fails on hints (the lowest level people ask for in CI is "anything at all").

import type { Severity } from '../service';

export type FailOn = 'error' | 'warning' | 'info';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 1 };
const THRESHOLD: Record<FailOn, number> = { error: 3, warning: 2, info: 1 };

export function isFailOn(v: string | undefined): v is FailOn {
  return v === 'error' || v === 'warning' || v === 'info';
}

/** True when a finding of this severity fails the run. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return RANK[severity] >= THRESHOLD[failOn];
}

/** 2 when an input could not be read (usage/IO), 1 when a finding reaches the threshold, else 0. */
export function exitCodeFor(severities: Iterable<Severity>, failOn: FailOn, ioErrors: number): number {
  if (ioErrors > 0) return 2;
  for (const s of severities) if (fails(s, failOn)) return 1;
  return 0;
}
