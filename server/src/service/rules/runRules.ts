// Runs the enabled rules over a parsed document: per-rule try/catch (one crashing rule never hides the
// others' findings), severity overrides from settings, de-duplication by (code, span), and the combination of
// different rules' findings on one token (combineFindings.ts).

import type { IamCatalog } from '../knowledge/catalog';
import type { ParsedDocument } from '../parser/parseDocument';
import { formatError, type Logger } from '../util/logger';
import type { PolicyDocument, Span } from '../parser/policyModel';
import { combineFindings } from './combineFindings';
import { spanOfReportable, type Finding, type PolicyContext, type Reportable, type ReportOptions, type Rule, type ServiceSettings, type Severity } from './rule';

/**
 * A rule stops after this many findings in one document: past it nobody reads them, and computing
 * suggestions for 100,000 bad entries would block the editor. A final finding says how many were left out.
 */
export const MAX_FINDINGS_PER_RULE = 200;

/** Thrown by report() once a rule hits the cap; runRules catches it and moves on to the next rule. */
class FindingCapReached extends Error {}

export interface RunOptions {
  readonly catalog: IamCatalog;
  readonly settings: ServiceSettings;
  readonly logger: Logger;
  readonly rules: readonly Rule[];
  /** tests set this so a crashing rule fails the test instead of being logged */
  readonly rethrow?: boolean;
}

/**
 * The one context object handed to every rule in a run: the current rule, policy and finding count are
 * swapped in between rules instead of allocating a context (and a report closure) per rule and policy,
 * which keeps the call site monomorphic and was a measurable share of a keystroke's validation.
 */
class RuleRun implements PolicyContext {
  rule!: Rule;
  level: Severity | undefined;
  policy!: PolicyDocument;
  count = 0;
  capped = false;
  readonly text: string;
  readonly findings: Finding[] = [];
  /** (offset, length) keys of the current rule's findings; a new set per rule that reports */
  seen: Set<number> | undefined;

  constructor(
    readonly document: ParsedDocument,
    readonly catalog: IamCatalog,
    readonly settings: ServiceSettings,
  ) {
    this.text = document.text;
  }

  report(at: Reportable, message: string, reportOptions?: ReportOptions): void {
    const rule = this.rule;
    const at0 = spanOfReportable(at);
    // a plain copy: model spans are the JSON nodes themselves (parser/policyModel.ts spanOf)
    const span: Span = { offset: at0.offset, length: at0.length };
    // (offset, length) as one number: offsets and lengths stay below 2^22 (documents over 2,000,000 characters
    // are never analysed), so the product fits a double exactly; the set is per rule, so no code is needed
    const key = span.offset * 4_194_304 + span.length;
    const seen = (this.seen ??= new Set());
    if (seen.has(key)) return;
    if (this.count >= MAX_FINDINGS_PER_RULE) {
      this.capped = true;
      throw new FindingCapReached();
    }
    seen.add(key);
    this.count++;
    const severity = this.level ?? reportOptions?.severity ?? rule.defaultSeverity;
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = { code: rule.code, span, message, severity };
    if (reportOptions?.data) finding.data = reportOptions.data;
    if (reportOptions?.tags) finding.tags = reportOptions.tags;
    this.findings.push(finding);
  }
}

export function runRules(document: ParsedDocument, options: RunOptions): Finding[] {
  if (!document.isPolicy) return [];
  const overrides = options.settings.rules;
  // most runs have no overrides: then no per-rule lookup by code
  const anyOverride = overrides !== undefined && Object.keys(overrides).length > 0;
  const run = new RuleRun(document, options.catalog, options.settings);
  for (const rule of options.rules) {
    const level = anyOverride ? overrides[rule.code] : undefined;
    if (level === 'off') continue;
    run.rule = rule;
    run.level = level;
    run.count = 0;
    run.seen = undefined;
    run.capped = false;
    try {
      rule.checkDocument?.(run);
      if (rule.checkPolicy) {
        for (const policy of document.policies) {
          run.policy = policy;
          rule.checkPolicy(run);
        }
      }
    } catch (err) {
      if (!(err instanceof FindingCapReached)) {
        if (options.rethrow) throw err;
        options.logger.error(formatError(`rule ${rule.code} failed`, err));
      }
    }
    if (run.capped) options.logger.info(`rule ${rule.code} stopped after ${MAX_FINDINGS_PER_RULE} findings in ${document.uri}`);
  }
  const sorted = run.findings.sort((a, b) => a.span.offset - b.span.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return combineFindings(sorted, options.rules);
}
