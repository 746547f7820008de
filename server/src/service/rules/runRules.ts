// Runs the enabled rules over a parsed document: per-rule try/catch (one crashing rule never hides the
// others' findings), severity overrides from settings, and de-duplication by (code, span).

import type { IamCatalog } from '../knowledge/catalog';
import type { ParsedDocument } from '../parser/parseDocument';
import { formatError, type Logger } from '../util/logger';
import { spanOfReportable, type DocumentContext, type Finding, type PolicyContext, type Rule, type ServiceSettings } from './rule';

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

export function runRules(document: ParsedDocument, options: RunOptions): Finding[] {
  if (!document.isPolicy) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const overrides = options.settings.rules ?? {};
  for (const rule of options.rules) {
    const level = overrides[rule.code];
    if (level === 'off') continue;
    let count = 0;
    let capped = false;
    const base: DocumentContext = {
      document,
      text: document.text,
      catalog: options.catalog,
      settings: options.settings,
      report(at, message, reportOptions) {
        const span = spanOfReportable(at);
        const key = `${rule.code}@${span.offset}:${span.length}`;
        if (seen.has(key)) return;
        if (count >= MAX_FINDINGS_PER_RULE) {
          capped = true;
          throw new FindingCapReached();
        }
        seen.add(key);
        count++;
        const finding: Finding = {
          code: rule.code,
          span,
          message,
          severity: level ?? reportOptions?.severity ?? rule.defaultSeverity,
          ...(reportOptions?.data ? { data: reportOptions.data } : {}),
          ...(reportOptions?.tags ? { tags: reportOptions.tags } : {}),
        };
        findings.push(finding);
      },
    };
    try {
      rule.checkDocument?.(base);
      if (rule.checkPolicy) {
        for (const policy of document.policies) {
          const ctx: PolicyContext = { ...base, policy };
          rule.checkPolicy(ctx);
        }
      }
    } catch (err) {
      if (!(err instanceof FindingCapReached)) {
        if (options.rethrow) throw err;
        options.logger.error(formatError(`rule ${rule.code} failed`, err));
      }
    }
    if (capped) options.logger.info(`rule ${rule.code} stopped after ${MAX_FINDINGS_PER_RULE} findings in ${document.uri}`);
  }
  return findings.sort((a, b) => a.span.offset - b.span.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
