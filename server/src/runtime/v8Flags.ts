// V8 settings the language server and the CLI apply first thing at start-up (the bench applies them too, to
// measure the service as they run it). Node-only; the pure service layer never imports this.
//
// --no-allocation-site-pretenuring: V8 watches where objects are allocated, and when most objects from one
// place outlive a young-generation GC it allocates them in the old generation from then on. One large document
// (a 1.4 MB policy, whose tree lives through many GCs while it is validated) teaches it that about the parse
// tree and model, and it never unlearns it: every later keystroke's short-lived parse then went to the old
// generation, and validating a 10 KB policy took 850 instead of 480 us for the rest of the session.
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

export function applyV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
