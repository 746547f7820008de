// How many threads a check run uses (`--jobs N`, default auto): one unless there are enough files to pay for
// starting workers (each loads the bundle, the catalog head and its own caches: ~0.1 s and ~30 MiB), then one
// per core up to MAX_AUTO. Standard input is always checked alone, on the main thread.

import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import type { InputFile } from './fileJob';

/** a walk of at least this many files, or of this many bytes, is split across threads by default */
export const AUTO_MIN_FILES = 200;
export const AUTO_MIN_BYTES = 4 * 1024 * 1024;
/** more threads than this cost memory (a catalog and caches each) for little more speed */
const MAX_AUTO = 4;

export function threadsFor(requested: number | undefined, inputs: readonly InputFile[], cores: number = availableParallelism()): number {
  if (inputs.length < 2 || inputs.some((f) => f.stdin)) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, inputs.length));
  if (cores < 2) return 1;
  if (inputs.length < AUTO_MIN_FILES && totalBytes(inputs) < AUTO_MIN_BYTES) return 1;
  return Math.min(cores, MAX_AUTO);
}

function totalBytes(inputs: readonly InputFile[]): number {
  let n = 0;
  for (const f of inputs) {
    try {
      n += statSync(f.path).size;
    } catch {
      // unreadable: the check reports it
    }
    if (n >= AUTO_MIN_BYTES) break;
  }
  return n;
}
