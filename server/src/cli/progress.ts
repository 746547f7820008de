// Progress on stderr for long runs: only when stderr is a terminal (never in CI logs or pipes) and only once the
// run has lasted a second, one line rewritten in place ("checked 120/800 files"), erased when the run ends.

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): unknown;
}

export interface Progress {
  tick(path: string): void;
  done(): void;
}

const DELAY_MS = 1000;
const EVERY_MS = 100;

export function createProgress(stream: ProgressStream, total: number, now: () => number = Date.now): Progress {
  if (!stream.isTTY || total < 2) return { tick: () => {}, done: () => {} };
  const started = now();
  let last = 0;
  let count = 0;
  let shown = false;
  return {
    tick(path) {
      count++;
      const t = now();
      if (t - started < DELAY_MS || t - last < EVERY_MS) return;
      last = t;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const line = `checked ${count}/${total} files ${path}`;
      stream.write(`\r${(line.length > width ? `${line.slice(0, width - 1)}…` : line).padEnd(shown ? width : 0)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 80) - 1))}\r`);
      shown = false;
    },
  };
}
