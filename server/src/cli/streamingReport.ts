// Writes the CLI report file by file as each file is checked (text, JSON Lines and JSON), so neither the first
// line waits for the last file nor the whole report is held in memory; keeps only the tally the summary and
// the exit status need. The JSON is byte-for-byte what formatJson prints (one JSON.stringify(…, null, 2)).
// Does not check files, choose a format or open files itself: the caller gives it a write function.

import type { Severity } from '../service';
import { formatText, type FileReport, type ToolInfo } from './report';

export type StreamedFormat = 'text' | 'json' | 'jsonl';

export interface ReportStream {
  /** one checked file's findings */
  file(report: FileReport): void;
  /** closes the document (JSON) */
  end(): void;
  /** what the summary and the exit status need */
  readonly tally: ReportTally;
}

export interface ReportTally {
  files: number;
  readonly severities: Severity[];
}

/** JSON.stringify(value, null, 2) as it appears nested `depth` levels deep in a larger pretty-printed document */
export function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

export function createReportStream(format: StreamedFormat, tool: ToolInfo, write: (chunk: string) => void): ReportStream {
  const tally: ReportTally = { files: 0, severities: [] };
  let first = true;
  if (format === 'json') write(`{\n  "tool": ${nested(tool, 1)},\n  "files": [`);
  return {
    tally,
    file(report) {
      tally.files++;
      for (const d of report.diagnostics) tally.severities.push(d.severity);
      if (format === 'text') {
        const text = formatText([report]);
        if (text) write(text);
      } else if (format === 'jsonl') {
        // one object per line: the file's path and policy type on every finding, so lines stand alone
        for (const d of report.diagnostics) write(`${JSON.stringify({ path: report.path, policyType: report.policyType, ...d })}\n`);
      } else {
        write(`${first ? '\n    ' : ',\n    '}${nested(report, 2)}`);
      }
      first = false;
    },
    end() {
      if (format === 'json') write(first ? ']\n}\n' : '\n  ]\n}\n');
    },
  };
}

/** `3 files, 4 findings: 1 error, 2 warnings`, like formatSummary, from the tally */
export function tallySummary(tally: ReportTally): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = tally.severities.filter((s) => s === 'error').length;
  const warnings = tally.severities.filter((s) => s === 'warning').length;
  return `${plural(tally.files, 'file')}, ${plural(tally.severities.length, 'finding')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
}
