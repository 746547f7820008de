// `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which GitHub turns into
// annotations on the pull request's changed lines. Info and hint findings become `::notice`. Pure formatting.

import type { FileReport } from '../report';
import type { Severity } from '../../service';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escapes for the message part (GitHub's toolkit rules: %, CR, LF). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes for property values, which additionally may not hold `:` or `,`. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(files: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      const props = [
        `file=${escapeProperty(f.path.replace(/\\/g, '/'))}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`IAM ${d.code}`)}`,
      ];
      lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${d.code}: ${d.message}`)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
