// Writes the SARIF log file by file (`--format sarif`), byte for byte what JSON.stringify(toSarif(...), null, 2)
// prints, without holding every finding, its fixes and the whole printed log until the end (the corpus's 16 MB
// log peaked at 272 MiB). The results are the run's last list before originalUriBaseIds and invocations, so the
// log is printed once around a stand-in and split there: the part before it is written with the first results,
// the part after it (which holds the unreadable files' notifications) at the end. Formats nothing itself.

import { sarifLog, sarifResults, type SarifFile, type SarifNotification, type SarifOptions } from './sarif';
import { nested, type ReportStream, type ReportTally } from './streamingReport';

/** a string no result can print as: the log is split where it stands */
const STAND_IN = '\u0000iam-policy-check results\u0000';
/** results are elements of runs[0].results: printed 4 levels deep */
const RESULT_DEPTH = 4;
const RESULT_INDENT = `\n${'  '.repeat(RESULT_DEPTH)}`;

export interface SarifStream extends ReportStream {
  /** one checked file's findings with their fixes */
  sarifFile(file: SarifFile): void;
}

/** `notifications` is read at the end: the unreadable files, gathered while the run goes on. */
export function createSarifStream(options: Omit<SarifOptions, 'notifications'>, notifications: () => readonly SarifNotification[], write: (chunk: string) => void): SarifStream {
  const tally: ReportTally = { files: 0, severities: [] };
  const toResults = sarifResults(options);
  let wroteHead = false;
  const printed = (notes: readonly SarifNotification[] | undefined): { head: string; tail: string } => {
    const text = `${JSON.stringify(sarifLog({ ...options, ...(notes ? { notifications: notes } : {}) }, [STAND_IN]), null, 2)}\n`;
    const at = text.indexOf(JSON.stringify(STAND_IN));
    // "results": [ …stand-in… ]: the head ends after the bracket, the tail starts at the line break after the stand-in
    return { head: text.slice(0, text.lastIndexOf('[', at) + 1), tail: text.slice(text.indexOf('\n', at)) };
  };
  return {
    tally,
    file(report) {
      tally.files++;
      for (const d of report.diagnostics) tally.severities.push(d.severity);
    },
    sarifFile(file) {
      const results = toResults(file);
      if (results.length === 0) return;
      let chunk = '';
      for (const result of results) {
        chunk += `${wroteHead ? ',' : printed(undefined).head}${RESULT_INDENT}${nested(result, RESULT_DEPTH)}`;
        wroteHead = true;
      }
      write(chunk);
    },
    end() {
      const { head, tail } = printed(notifications());
      // no result: the empty list prints as [] on the head's line
      write(wroteHead ? tail : `${head}${tail.slice(tail.indexOf(']'))}`);
    },
  };
}
