// The baseline file (`--baseline FILE`, `--update-baseline`): findings recorded once so that an existing repository
// can adopt the checker and fail only on new findings. An entry is (path, rule code, flagged text) with a count, so
// it survives lines moving above it; a finding matches while its entry's count lasts. Paths are relative to the
// baseline file's folder with `/` separators, so the file works from any current directory and on any OS.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

export interface BaselineEntry {
  readonly path: string;
  readonly code: string;
  /** the text the finding points at (whitespace collapsed, at most 200 characters) */
  readonly text: string;
  readonly count: number;
}

export interface BaselineFile {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

export interface BaselineFinding {
  /** the file's path as the CLI reports it (relative to the current directory) */
  readonly path: string;
  readonly code: string;
  readonly text: string;
}

const normalizeText = (t: string): string => t.replace(/\s+/g, ' ').trim().slice(0, 200);

export class Baseline {
  private readonly remaining = new Map<string, number>();

  private constructor(private readonly dir: string) {}

  private key(f: BaselineFinding): string {
    return `${relative(this.dir, resolve(f.path)).split(sep).join('/')}\0${f.code}\0${normalizeText(f.text)}`;
  }

  /** Reads FILE; a missing file is an empty baseline (the first --update-baseline creates it). */
  static read(file: string): Baseline {
    const b = new Baseline(dirname(resolve(file)));
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return b;
      throw err;
    }
    const parsed = JSON.parse(text) as Partial<BaselineFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.findings)) throw new Error('not an iam-policy-check baseline (version 1)');
    for (const e of parsed.findings) {
      const k = `${e.path}\0${e.code}\0${normalizeText(e.text)}`;
      b.remaining.set(k, (b.remaining.get(k) ?? 0) + (Number.isInteger(e.count) && e.count > 0 ? e.count : 1));
    }
    return b;
  }

  /** true (and the entry used up once) when the finding is in the baseline */
  covers(f: BaselineFinding): boolean {
    const k = this.key(f);
    const n = this.remaining.get(k) ?? 0;
    if (n <= 0) return false;
    this.remaining.set(k, n - 1);
    return true;
  }

  /** Writes the given findings as FILE's new content (sorted, so the file diffs well). */
  static write(file: string, findings: readonly BaselineFinding[]): number {
    const b = new Baseline(dirname(resolve(file)));
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(b.key(f), (counts.get(b.key(f)) ?? 0) + 1);
    const entries: BaselineEntry[] = [...counts.entries()]
      .sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
      .map(([k, count]) => {
        const [path, code, text] = k.split('\0') as [string, string, string];
        return { path, code, text, count };
      });
    const content: BaselineFile = { version: 1, findings: entries };
    writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
    return findings.length;
  }
}
