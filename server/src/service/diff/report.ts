// The permission diff of files: each file's two versions parsed, their policies paired (plain policy, or
// CloudFormation/Terraform by logical name/address), diffed and confirmed; then the machine-readable report of
// /work/shared/spec/commands.md ("effectiveChange", "gained", "lost", "conditionsRemoved") with extra fields
// (statements with ranges, resources/principals widened, per-file summary). Texts in, plain data out: no I/O.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../knowledge/catalog';
import { parseDocument } from '../parser/parseDocument';
import type { PolicyType } from '../parser/policyModel';
import { diffPolicies, type ConditionChange, type DiffItem, type DiffStatementRef, type PolicyDiff, type PrincipalChange, type ResourceChange, type WitnessEvaluator, type WitnessRequest } from './diffPolicies';
import { pairPolicies } from './pairPolicies';

export interface DiffInput {
  /** the path shown in reports */
  readonly path: string;
  /** undefined: the file does not exist in that version (added / deleted) */
  readonly oldText: string | undefined;
  readonly newText: string | undefined;
  /**
   * named by the user (default): a .json file is read as a policy whatever it holds; files found in a directory
   * walk are policies only when they look like one (a package.json is skipped)
   */
  readonly explicit?: boolean;
}

export interface DiffRunOptions {
  readonly evaluate: WitnessEvaluator;
  readonly policyType?: PolicyType;
}

export interface PolicyPairDiff {
  readonly label: string;
  readonly status: 'added' | 'deleted' | 'changed' | 'unchanged';
  readonly policyType: PolicyType;
  readonly diff: PolicyDiff;
}

export interface FileDiff {
  readonly path: string;
  readonly status: 'added' | 'deleted' | 'modified' | 'unchanged';
  readonly oldText: string | undefined;
  readonly newText: string | undefined;
  readonly policies: readonly PolicyPairDiff[];
  /** why a version could not be analysed (over a size limit), if so */
  readonly problems: readonly string[];
}

export function diffFile(catalog: IamCatalog, input: DiffInput, options: DiffRunOptions): FileDiff {
  const parse = (text: string | undefined) =>
    text === undefined ? undefined : parseDocument(text, { uri: input.path, ...(options.policyType ? { policyType: options.policyType } : {}), ...(input.explicit !== false && /\.json$/i.test(input.path) ? { forcePolicy: true } : {}) });
  const oldParsed = parse(input.oldText);
  const newParsed = parse(input.newText);
  const problems = [oldParsed?.skipped, newParsed?.skipped].filter((s): s is string => s !== undefined);
  const policies: PolicyPairDiff[] = [];
  for (const pair of pairPolicies(oldParsed?.policies ?? [], newParsed?.policies ?? [])) {
    const policyType = options.policyType ?? pair.new?.policyType ?? pair.old?.policyType ?? 'identity';
    const diff = diffPolicies(catalog, pair.old, pair.new, { evaluate: options.evaluate, policyType });
    const status = !pair.old ? 'added' : !pair.new ? 'deleted' : diff.effectiveChange ? 'changed' : 'unchanged';
    policies.push({ label: pair.label, status, policyType, diff });
  }
  const status = input.oldText === undefined ? 'added' : input.newText === undefined ? 'deleted' : policies.some((p) => p.diff.effectiveChange) ? 'modified' : 'unchanged';
  return { path: input.path, status, oldText: input.oldText, newText: input.newText, policies, problems };
}

// ---------------------------------------------------------------------------------------------------------
// The JSON report

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface ReportStatement {
  readonly statement: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly range: { readonly start: Position; readonly end: Position };
}

export interface ReportItem extends Omit<DiffItem, 'statements'> {
  readonly file: string;
  readonly policy?: string;
  readonly statements: { readonly old: readonly ReportStatement[]; readonly new: readonly ReportStatement[] };
}

export interface ReportConditionChange extends ConditionChange {
  readonly file: string;
  readonly policy?: string;
}

export interface DiffReport {
  readonly effectiveChange: boolean;
  readonly gained: readonly ReportItem[];
  readonly lost: readonly ReportItem[];
  readonly conditionsRemoved: readonly ReportConditionChange[];
  readonly resourcesWidened: ReadonlyArray<ResourceChange & { readonly file: string; readonly policy?: string }>;
  readonly resourcesNarrowed: ReadonlyArray<ResourceChange & { readonly file: string; readonly policy?: string }>;
  readonly principalsGained: ReadonlyArray<PrincipalChange & { readonly file: string; readonly policy?: string }>;
  readonly principalsLost: ReadonlyArray<PrincipalChange & { readonly file: string; readonly policy?: string }>;
  readonly files: ReadonlyArray<{
    readonly path: string;
    readonly status: FileDiff['status'];
    readonly problems?: readonly string[];
    readonly policies: ReadonlyArray<{ readonly label: string; readonly status: PolicyPairDiff['status']; readonly policyType: PolicyType; readonly gained: number; readonly lost: number }>;
  }>;
  /** witnesses the search proposed that the engine did not confirm (never reported) */
  readonly unconfirmed: number;
  /** engine evaluations made to confirm witnesses (each: old and new version); perBucket when alike actions shared one */
  readonly confirmation: { readonly requests: number; readonly perBucket: boolean };
}

export function buildReport(files: readonly FileDiff[]): DiffReport {
  const gained: ReportItem[] = [];
  const lost: ReportItem[] = [];
  const conditionsRemoved: ReportConditionChange[] = [];
  const resourcesWidened: Array<ResourceChange & { file: string; policy?: string }> = [];
  const resourcesNarrowed: Array<ResourceChange & { file: string; policy?: string }> = [];
  const principalsGained: Array<PrincipalChange & { file: string; policy?: string }> = [];
  const principalsLost: Array<PrincipalChange & { file: string; policy?: string }> = [];
  let unconfirmed = 0;
  let requests = 0;
  let perBucket = false;
  for (const f of files) {
    const oldDoc = f.oldText !== undefined ? TextDocument.create('old', 'json', 0, f.oldText) : undefined;
    const newDoc = f.newText !== undefined ? TextDocument.create('new', 'json', 0, f.newText) : undefined;
    // "old" refs are on the side that did not allow the item: for lost items that is the new version
    const refs = (list: readonly DiffStatementRef[], doc: TextDocument | undefined): ReportStatement[] =>
      list.map((r) => ({
        statement: r.index,
        ...(r.sid !== undefined ? { sid: r.sid } : {}),
        effect: r.effect,
        range: doc ? { start: doc.positionAt(r.span.offset), end: doc.positionAt(r.span.offset + r.span.length) } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      }));
    for (const p of f.policies) {
      const where = { file: f.path, ...(p.label ? { policy: p.label } : {}) };
      unconfirmed += p.diff.unconfirmed;
      requests += p.diff.confirmation.requests;
      perBucket ||= p.diff.confirmation.mode === 'per-bucket';
      for (const i of p.diff.gained) gained.push({ ...i, ...where, statements: { old: refs(i.statements.old, oldDoc), new: refs(i.statements.new, newDoc) } });
      // a lost item: the old version allowed it (statements.new, the granting side, is in the OLD text)
      for (const i of p.diff.lost) lost.push({ ...i, ...where, statements: { old: refs(i.statements.new, oldDoc), new: refs(i.statements.old, newDoc) } });
      for (const c of p.diff.conditionsRemoved) conditionsRemoved.push({ ...c, ...where });
      for (const r of p.diff.resourcesWidened) resourcesWidened.push({ ...r, ...where });
      for (const r of p.diff.resourcesNarrowed) resourcesNarrowed.push({ ...r, ...where });
      for (const r of p.diff.principalsGained) principalsGained.push({ ...r, ...where });
      for (const r of p.diff.principalsLost) principalsLost.push({ ...r, ...where });
    }
  }
  return {
    effectiveChange: gained.length > 0 || lost.length > 0,
    gained,
    lost,
    conditionsRemoved,
    resourcesWidened,
    resourcesNarrowed,
    principalsGained,
    principalsLost,
    files: files.map((f) => ({
      path: f.path,
      status: f.status,
      ...(f.problems.length ? { problems: f.problems } : {}),
      policies: f.policies.map((p) => ({ label: p.label, status: p.status, policyType: p.policyType, gained: p.diff.gained.length, lost: p.diff.lost.length })),
    })),
    unconfirmed,
    confirmation: { requests, perBucket },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Gates

export type FailOnGate = 'permissions-management' | 'write-on-star' | 'condition-removed' | 'any';
export const FAIL_ON_GATES: readonly FailOnGate[] = ['permissions-management', 'write-on-star', 'condition-removed', 'any'];

/** The gates the report meets (in FAIL_ON_GATES order). `any` = any new access at all. */
export function gatesMet(report: DiffReport, gates: readonly FailOnGate[]): FailOnGate[] {
  return gates.filter((g) => {
    switch (g) {
      case 'permissions-management':
        return report.gained.some((i) => i.fitsResourceType && i.accessLevel.includes('Permissions management'));
      case 'write-on-star':
        return report.gained.some((i) => i.fitsResourceType && isWriteLike(i.accessLevel) && isStarResource(i.resource));
      case 'condition-removed':
        return report.conditionsRemoved.length > 0;
      case 'any':
        return report.gained.length > 0;
    }
  });
}

export function isWriteLike(level: string): boolean {
  return level.includes('Write') || level.includes('Permissions management');
}

/** "*" or NotResource (everything except a list): both leave the resource open. */
export function isStarResource(resource: string): boolean {
  return resource === '*' || resource.startsWith('NotResource:');
}

export type { WitnessRequest };
