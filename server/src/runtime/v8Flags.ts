// V8 settings the language server and the CLI apply first thing at start-up (the bench applies them too, to
// measure the service as they run it), and the one the CLI adds. Node-only; the pure service layer never imports this.
//
// --no-allocation-site-pretenuring: V8 watches where objects are allocated, and when most objects from one
// place outlive a young-generation GC it allocates them in the old generation from then on. One large document
// (a 1.4 MB policy, whose tree lives through many GCs while it is validated) teaches it that about the parse
// tree and model, and it never unlearns it: every later keystroke's short-lived parse then went to the old
// generation, and validating a 10 KB policy took 850 instead of 480 us for the rest of the session.
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/**
 * The CLI's: V8's interrupt budget at four times its default (67,584 bytes of bytecode run between a function's
 * tier-up checks), so a function must run four times longer before TurboFan optimises it. A one-shot run over
 * many files spends more on optimising functions it will leave soon than it wins back. Over the 1,523 AWS managed
 * policies (2-core machine, interleaved runs) CPU time fell ~22% and wall time ~10%; valgrind instruction counts
 * (--single-threaded, so compiling counts too): the corpus -24%, the 9 example policies -14%, --version the same.
 * Twice and eight times the default did worse on wall time (SARIF over the corpus: 7.9 s at eight times). The
 * optimised code is the same, only later. Not for the server: it lives long, and its second document opened
 * (ReadOnlyAccess after AWSSupportServiceRolePolicy) was slower, still unoptimised.
 */
export const CLI_V8_FLAGS: readonly string[] = [...V8_FLAGS, '--interrupt-budget=270336'];

export function applyV8Flags(flags: readonly string[] = V8_FLAGS): void {
  for (const flag of flags) setFlagsFromString(flag);
}
