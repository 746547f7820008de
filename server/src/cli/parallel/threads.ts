// How many threads a check run uses (`--jobs N`, default auto): one unless there are enough files and cores to pay
// for workers (each loads the bundle, the catalog head and its own caches: ~0.1 s and ~30 MiB), then one per core
// up to MAX_AUTO. Standard input is always checked alone, on the main thread.

import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import type { InputFile } from './fileJob';

/** a walk of at least this many files, or of this many bytes, is split across threads by default */
export const AUTO_MIN_FILES = 200;
export const AUTO_MIN_BYTES = 4 * 1024 * 1024;
/** more threads than this cost memory (a catalog and caches each) for little more speed */
const MAX_AUTO = 4;
/**
 * Below this many cores auto stays on one thread. Measured on a 2-core machine, idle, 3 interleaved runs each:
 * over the 1,523 managed policies --jobs 2 took 4.7 s against 3.8 s for --jobs 1 (45% more CPU, 275 against
 * 185 MiB), and over six copies of them (9,138 files) 9.4 s against 8.3-11.5 s: the main thread and V8's GC
 * threads already keep more than one core busy (5.4 s of CPU in 3.8 s). Machines with 4 or more cores were not
 * measured; there a second and third thread have cores of their own.
 */
const AUTO_MIN_CORES = 4;

export function threadsFor(requested: number | undefined, inputs: readonly InputFile[], cores: number = availableParallelism()): number {
  if (inputs.length < 2 || inputs.some((f) => f.stdin)) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, inputs.length));
  if (cores < AUTO_MIN_CORES) return 1;
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
