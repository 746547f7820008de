// Facts derived from one parsed model object (expanded actions, condition sites, grammar problems, …),
// memoised on the object itself so that they live and die with the parse. It computes nothing itself.
//
// Why not a WeakMap keyed by model objects: the model is rebuilt on every keystroke, and V8's young-generation
// collector handles ephemeron tables poorly (scavenges took 3-6 ms and promoted 2-4 MB of dead parses each, the
// largest single cost of validating a 10 KB policy). A plain field on the owner is freed with it.

/** A typed memo slot; one per kind of fact, created once at module level. */
export class DerivedKey<T> {
  declare private readonly type: T;
  constructor(readonly name: string) {}
}

/** Model objects that carry a memo slot (PolicyDocument, Statement, StringListElement). */
export interface Derivable {
  /** per-parse memo; only this module reads or writes it */
  derived?: Map<DerivedKey<unknown>, unknown>;
}

/** The fact `key` of `owner`, computed on first use and kept for the owner's lifetime. */
export function derive<T>(owner: Derivable, key: DerivedKey<T>, compute: () => T): T {
  return deriveWith(owner, key, compute, callCompute);
}

function callCompute<T>(_owner: Derivable, compute: () => T): T {
  return compute();
}

/**
 * derive() for hot callers: `compute(owner, arg)` is a module-level function, so a call that finds the fact
 * allocates nothing (an arrow written at the call site is a new closure on every call, hit or miss).
 */
export function deriveWith<O extends Derivable, A, T>(owner: O, key: DerivedKey<T>, arg: A, compute: (owner: O, arg: A) => T): T {
  let slots = owner.derived;
  if (!slots) owner.derived = slots = new Map();
  else {
    const hit = slots.get(key);
    if (hit !== undefined || slots.has(key)) return hit as T;
  }
  const value = compute(owner, arg);
  slots.set(key, value);
  return value;
}
