// V8 flags a run changes after start-up, and how to put them back before the launcher saves the code cache
// (runtime/codeCache.ts): V8 stamps cached code with the flags in force and rejects it under others, so data saved
// after e.g. youngGeneration.ts turned the semi-space growth down would be refused by every later run. The list is
// process-wide (a global symbol), because the launcher and the bundle it runs each have their own copy of this module.

const KEY = Symbol.for('iam-policy-assistant.beforeCodeCache');

type Restorers = Array<() => void>;

function restorers(): Restorers {
  const g = globalThis as { [KEY]?: Restorers };
  return (g[KEY] ??= []);
}

/** Registers `restore`, which sets back a flag this run changed; the launcher calls it before saving the cache. */
export function restoreBeforeCodeCache(restore: () => void): void {
  restorers().push(restore);
}

/** Calls every registered restore (the launcher, just before createCachedData). */
export function runBeforeCodeCache(): void {
  for (const restore of restorers()) restore();
}
