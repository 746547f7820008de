// Runs the real service over an annotated fixture and returns expected vs actual findings as Expectations.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, getRule, ALL_RULES, type Finding, type PolicyType, type Rule, type ServiceSettings } from '../../server/src/service';
import { parseFixture, type Expectation, type Fixture } from './fixture';
import { testCatalog } from './catalog';

export interface FixtureRun {
  readonly fixture: Fixture;
  readonly findings: readonly Finding[];
  readonly actual: readonly Expectation[];
  readonly document: TextDocument;
  /** statement index (0-based) that contains each finding, or -1 */
  readonly statementOf: readonly number[];
}

export function rulesFor(fixture: Fixture, defaultCode: string | undefined): readonly Rule[] {
  const listed = fixture.directives.get('rules');
  if (listed === 'all') return ALL_RULES;
  const codes = listed ? listed.split(/\s+/) : defaultCode ? [defaultCode] : [];
  return codes.map((c) => {
    const r = getRule(c);
    if (!r) throw new Error(`fixture names unknown rule ${c}`);
    return r;
  });
}

export function runFixture(source: string, defaultCode?: string): FixtureRun {
  const fixture = parseFixture(source);
  const rules = rulesFor(fixture, defaultCode);
  const service = createIamLanguageService({ catalog: testCatalog(), rules, rethrow: true });
  const uri = fixture.directives.get('uri') ?? 'file:///fixture.json';
  const document = TextDocument.create(uri.includes(':') ? uri : `file:///${uri}`, 'json', 1, fixture.text);
  const type = fixture.directives.get('type') as PolicyType | undefined;
  const settings = JSON.parse(fixture.directives.get('settings') ?? '{}') as ServiceSettings;
  const parsed = service.parse(document, type ? { policyType: type } : {});
  const findings = service.findings(parsed, settings);
  const actual = findings.map((f): Expectation => {
    const start = document.positionAt(f.span.offset);
    const end = document.positionAt(f.span.offset + f.span.length);
    const sameLine = start.line === end.line;
    const lineLength = document.getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
    return {
      line: start.line,
      startCol: start.character,
      endCol: sameLine ? end.character : lineLength,
      continues: !sameLine,
      code: f.code,
      severity: f.severity,
      message: f.message,
    };
  });
  const statementOf = findings.map((f) => {
    for (const p of parsed.policies) {
      const i = p.statements.findIndex((s) => f.span.offset >= s.node.offset && f.span.offset < s.node.offset + s.node.length);
      if (i >= 0) return i;
    }
    return -1;
  });
  return { fixture, findings, actual, document, statementOf };
}

/** The expected severity of an annotation: as written, or the rule's default. */
export function expectedSeverity(e: Expectation): string {
  return e.severity ?? getRule(e.code)?.defaultSeverity ?? '?';
}
