// Annotated fixtures, as in rust-analyzer: lines whose trimmed text starts with `//` are removed before
// parsing; `^` runs mark columns on the nearest kept line above. Also `$0` cursors for hover/completion tests.
//
//   // @rules CODE [CODE...] | all     which rules run (default: the fixture folder's rule)
//   // @type trust                     policy-type override (as a setting / CLI flag would)
//   // @uri my-trust-policy.json       document URI (file-name inference)
//   // @settings {"accountIds": ["111122223333"]}
//   //    ^^^^^ CODE [severity] [message]      expectation on the kept line above, columns as drawn
//   // @@ 0-1 CODE [severity] [message]        same, explicit columns (for columns 0 and 1)
// A `+` right after the carets means the finding continues past the end of that line.

export interface Expectation {
  /** 0-based line in the stripped text */
  readonly line: number;
  readonly startCol: number;
  readonly endCol: number;
  readonly continues: boolean;
  readonly code: string;
  readonly severity: string | undefined;
  readonly message: string | undefined;
}

export interface Fixture {
  readonly text: string;
  readonly directives: ReadonlyMap<string, string>;
  readonly expectations: readonly Expectation[];
  /** the kept lines' index in the original file, for rewriting */
  readonly originalLineOf: readonly number[];
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);
const CARETS = /^\/\/(\s*)(\^+)(\+?)\s+([A-Z][A-Z0-9_]*)(.*)$/;
const EXPLICIT = /^\/\/\s*@@\s*(\d+)-(\d+)(\+?)\s+([A-Z][A-Z0-9_]*)(.*)$/;
const DIRECTIVE = /^\/\/\s*@([a-z]+)\s*(.*)$/;

export function parseFixture(source: string): Fixture {
  const lines = source.split(/\r?\n/);
  const kept: string[] = [];
  const originalLineOf: number[] = [];
  const directives = new Map<string, string>();
  const expectations: Expectation[] = [];
  lines.forEach((raw, i) => {
    const trimmed = raw.trimStart();
    if (!trimmed.startsWith('//')) {
      kept.push(raw);
      originalLineOf.push(i);
      return;
    }
    const indent = raw.length - trimmed.length;
    const explicit = EXPLICIT.exec(trimmed);
    const carets = CARETS.exec(trimmed);
    if (explicit || carets) {
      if (kept.length === 0) throw new Error(`annotation on line ${i + 1} has no line above it`);
      const m = (explicit ?? carets)!;
      const startCol = explicit ? Number(m[1]) : indent + 2 + m[1]!.length;
      const endCol = explicit ? Number(m[2]) : startCol + m[2]!.length;
      const [severity, message] = splitTail(m[5]!.trim());
      expectations.push({ line: kept.length - 1, startCol, endCol, continues: m[3] === '+', code: m[4]!, severity, message });
      return;
    }
    const d = DIRECTIVE.exec(trimmed);
    if (d) {
      directives.set(d[1]!, d[2]!.trim());
      return;
    }
    throw new Error(`line ${i + 1}: a // line is neither a directive nor an annotation: ${raw}`);
  });
  return { text: kept.join('\n'), directives, expectations, originalLineOf };
}

function splitTail(tail: string): [string | undefined, string | undefined] {
  if (!tail) return [undefined, undefined];
  const first = tail.split(/\s+/, 1)[0]!;
  if (SEVERITIES.has(first)) {
    const rest = tail.slice(first.length).trim();
    return [first, rest || undefined];
  }
  return [undefined, tail];
}

export function renderExpectation(e: Expectation, withMessage = true): string {
  const where = `${e.line + 1}:${e.startCol}-${e.endCol}${e.continues ? '+' : ''}`;
  return `${where} ${e.code} ${e.severity ?? '?'}${withMessage && e.message ? ` ${e.message}` : ''}`;
}

/** An annotation line that draws `e` under a line (carets where possible, explicit columns otherwise). */
export function annotationLine(e: Expectation): string {
  const tail = `${e.code} ${e.severity ?? ''}${e.message ? ` ${e.message}` : ''}`.replace(/\s+$/, '');
  const width = Math.max(1, e.endCol - e.startCol);
  if (e.startCol >= 2) return `//${' '.repeat(e.startCol - 2)}${'^'.repeat(width)}${e.continues ? '+' : ''} ${tail}`;
  return `// @@ ${e.startCol}-${e.endCol}${e.continues ? '+' : ''} ${tail}`;
}

/** Rewrites a fixture source with `actual` annotations in place of the old ones (UPDATE_FIXTURES=1). */
export function rewriteFixture(source: string, actual: readonly Expectation[]): string {
  const out: string[] = [];
  const lines = source.split(/\r?\n/);
  let keptIndex = -1;
  const flush = (): void => {
    for (const e of actual.filter((a) => a.line === keptIndex)) out.push(annotationLine(e));
  };
  for (const raw of lines) {
    const trimmed = raw.trimStart();
    if (trimmed.startsWith('//')) {
      if (DIRECTIVE.exec(trimmed) && !EXPLICIT.exec(trimmed)) out.push(raw);
      continue;
    }
    flush();
    keptIndex++;
    out.push(raw);
  }
  flush();
  return out.join('\n');
}

/** Splits `$0` out of a text: the cursor offset and the text without it. */
export function extractCursor(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf('$0');
  if (offset < 0) throw new Error('no $0 cursor in the text');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 2), offset };
}
