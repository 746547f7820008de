// Caps the young generation of a long CLI run at run time. Node-only; the pure service layer never imports this.
// It only stops V8 from growing the new space further: it never shrinks it, collects nothing, and sets no limit
// that could make a run fail.
//
// Why: V8 doubles the semi-spaces as a run allocates, up to 16 MiB each (32 MiB of new space, all resident).
// Measured over the 1,523 AWS managed policies (2-core machine, idle, interleaved runs): peak RSS 174 MiB at the
// default, 157-159 MiB with the new space held at 8 MiB, with the same CPU time (4.5-4.8 s user either way); at
// 4 MiB it was 145 MiB but cost more CPU. `--max-semi-space-size` only works on the command line (the heap is set
// up before any script runs), so the CLI, which `npm` and `npx` start as a plain `node` script, instead turns the
// growth factor down to 1 once the new space has reached the cap: V8 reads that flag each time it grows the space.

import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { restoreBeforeCodeCache } from './flagRestore';

/** new space (both semi-spaces) at which growth stops: semi-spaces of 4 MiB */
export const YOUNG_GENERATION_CAP_BYTES = 8 * 1024 * 1024;
const DEFAULT_GROWTH_FACTOR = 2;

export interface YoungGenerationCap {
  /** call before each unit of work (a file); stops the growth once the new space has reached the cap */
  tick(): void;
  /** whether the growth has been stopped */
  readonly capped: boolean;
}

export function youngGenerationCap(capBytes: number = YOUNG_GENERATION_CAP_BYTES): YoungGenerationCap {
  let capped = false;
  return {
    tick(): void {
      // the space doubles within a few files of a run (the catalog load alone takes it to 8 MiB), so look every
      // time until capped: getHeapSpaceStatistics costs a few microseconds
      if (capped) return;
      if (newSpaceBytes() < capBytes) return;
      // process-wide: worker threads of the same run stop growing too, which is what a run wants
      setFlagsFromString('--semi-space-growth-factor=1');
      // V8's default (Node 20's V8 11.3 and later): the code cache saved at exit must carry the start-up flags. Were
      // the default ever another, the cache would be refused and saved again each run: slower, never wrong.
      restoreBeforeCodeCache(() => setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`));
      capped = true;
    },
    get capped(): boolean {
      return capped;
    },
  };
}

/** the current size of the new space (from-space and to-space), as V8 reports it */
export function newSpaceBytes(): number {
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'new_space') return space.space_size;
  return 0;
}
