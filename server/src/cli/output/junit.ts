// `--format junit`: JUnit XML as CI systems read it (GitLab, Jenkins, Azure DevOps test tabs): one <testsuite>
// per checked file, one failing <testcase> per finding (named by rule code and position), and one passing
// <testcase> for a file without findings so that clean files show up too. Pure formatting, no I/O.

import type { FileReport } from '../report';

function xml(text: string): string {
  // XML 1.0 forbids most control characters even escaped: drop them
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function formatJunit(files: readonly FileReport[], toolName: string): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = files.reduce((n, f) => n + f.diagnostics.length, 0);
  const tests = files.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
  out.push(`<testsuites name="${xml(toolName)}" tests="${tests}" failures="${failures}" errors="0">`);
  for (const f of files) {
    const n = f.diagnostics.length;
    out.push(`  <testsuite name="${xml(f.path)}" tests="${Math.max(1, n)}" failures="${n}" errors="0" skipped="0">`);
    if (n === 0) out.push(`    <testcase name="${xml(f.path)}" classname="${xml(toolName)}"/>`);
    for (const d of f.diagnostics) {
      const line = d.range.start.line + 1;
      const col = d.range.start.character + 1;
      out.push(`    <testcase name="${xml(`${d.code} ${f.path}:${line}:${col}`)}" classname="${xml(`${toolName}.${d.code}`)}" file="${xml(f.path)}" line="${line}">`);
      out.push(`      <failure type="${xml(d.code)}" message="${xml(d.message)}">${xml(`${f.path}:${line}:${col} ${d.severity} ${d.code} ${d.message}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
