// Runs a bundle (dist/cli-main.js, dist/server-main.js) through V8's code cache: the launchers dist/cli.js and
// dist/server.js compile it with the bytecode a previous run saved in the user's cache folder, and save it when
// there was none or V8 refused it. Node-only. It caches compiled code, never results: findings are always computed.
//
// Why: compiling the 1.8 MB CLI bundle was a third of the CLI's start-up CPU, and functions compiled lazily on the
// way cost more. Measured: `--version` 905 -> 720 M instructions (valgrind, one thread; bare node 510 M), wall
// medians of 25 runs 232 ms without the launcher, 213 ms with the cache, 247 ms on the first run (bare node 105 ms).
// Node 22 has module.enableCompileCache() for this; Node 20 needs vm.Script.
//
// Safety: V8 checks the source length and the V8 flags the data was made with and rejects data that does not fit
// (then the bundle is compiled as usual and the data replaced); the file name carries the bundle's size and
// modification time, the Node version and the node options, so a rebuilt bundle never meets an old file. The folder
// is the user's own (made 0700). Nothing here may fail a run: every error falls back to a plain compile, and a
// cache that cannot be written is skipped.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { runBeforeCodeCache } from './flagRestore';
import { workerThreads } from './lazyBuiltins';

/** IAM_POLICY_CODE_CACHE: "off" (or "0", "false", "no") turns the cache off; a folder path puts it there */
export const CODE_CACHE_ENV = 'IAM_POLICY_CODE_CACHE';
/** IAM_POLICY_CODE_CACHE_DEBUG=1 prints one line to stderr: what happened to the cache and where */
export const CODE_CACHE_DEBUG_ENV = 'IAM_POLICY_CODE_CACHE_DEBUG';
const FOLDER = 'iam-policy-assistant';

/** The cache folder for this user, or undefined when the cache is off or there is no home folder. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  const setting = env[CODE_CACHE_ENV]?.trim();
  if (setting !== undefined && setting !== '') return /^(off|0|false|no)$/i.test(setting) ? undefined : setting;
  let userHome: string;
  try {
    userHome = home();
  } catch {
    return undefined;
  }
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(userHome, 'AppData', 'Local'), FOLDER, 'Cache');
  if (platform === 'darwin') return join(userHome, 'Library', 'Caches', FOLDER);
  return join(env.XDG_CACHE_HOME || join(userHome, '.cache'), FOLDER);
}

/**
 * The cache file for this bundle as built now (size and modification time), under this Node and these node options
 * (V8 refuses data made under other flags: the VS Code client starts the server with --max-semi-space-size=4, a
 * terminal without): another build, Node or set of options gets a file of its own.
 */
export function codeCacheFile(dir: string, bundle: string, size: number, mtimeMs: number, execArgv: readonly string[] = process.execArgv): string {
  return join(dir, `${basename(bundle, '.js')}-${buildStamp(size, mtimeMs)}-${process.version}-${process.arch}-${fnv1a(flagArgs(execArgv).join('\0'))}.v8cache`);
}

/** Options naming a module to preload change no V8 flag, and their (often temporary) paths would each get a file. */
const PRELOAD_OPTIONS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);

/** The node options that may set V8 flags: all but the preloads and their modules. */
function flagArgs(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const name = arg.split('=', 1)[0]!;
    if (PRELOAD_OPTIONS.has(name)) {
      if (!arg.includes('=')) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

const buildStamp = (size: number, mtimeMs: number): string => `${size}-${Math.trunc(mtimeMs)}`;

/** 32-bit FNV-1a of a short string, as 8 hex digits (node options only: a few dozen characters) */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export type CodeCacheState = 'used' | 'rejected' | 'none' | 'off';

export interface RunBundleOptions {
  /** the launcher's own module: the bundle's module is its child */
  readonly parent: NodeModule;
  /** a long-running process (the server) also saves the cache this long after start, not only at exit */
  readonly saveAfterMs?: number;
}

/**
 * Loads and runs `bundle` as a CommonJS module (what require() would do), compiled with the cached code when
 * there is some; saves the cache at exit (or after saveAfterMs) when there was none or V8 rejected it.
 */
export function runBundle(bundle: string, options: RunBundleOptions): void {
  const dir = codeCacheDir();
  let source: string;
  let file: string | undefined;
  let stamp = '';
  try {
    source = readFileSync(bundle, 'utf8');
    if (dir !== undefined) {
      const stat = statSync(bundle);
      file = codeCacheFile(dir, bundle, stat.size, stat.mtimeMs);
      stamp = buildStamp(stat.size, stat.mtimeMs);
    }
  } catch {
    // unreadable: let require() give its usual error
    createRequire(bundle)(bundle);
    return;
  }
  let cachedData: Buffer | undefined;
  if (file) {
    try {
      cachedData = readFileSync(file);
    } catch {
      // no cache yet
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const state: CodeCacheState = file === undefined ? 'off' : cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  if (file && state !== 'used') scheduleSave(script, file, `${basename(bundle, '.js')}-`, stamp, options.saveAfterMs);
  if (process.env[CODE_CACHE_DEBUG_ENV] === '1') process.stderr.write(`code cache: ${state}${file ? ` ${file}` : ''}\n`);
  // the module the bundle runs as: exports, a require resolving from its folder, __filename and __dirname its own
  const module = new Module(bundle, options.parent as Module);
  module.filename = bundle;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: NodeModule, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;
}

/**
 * Saves at exit (and after `afterMs`) when there was no usable cache. A cache is never replaced by a fuller one:
 * V8 deserialises all of it at every start, and measured, data saved by a `--version` run (start-up code only,
 * 0.7 MB) served the example policies better than data saved by a run over them (1.4 MB): 1,204 against 1,292 M
 * instructions, against 1,391 M without a cache.
 */
function scheduleSave(script: Script, file: string, prefix: string, stamp: string, afterMs: number | undefined): void {
  let saved = false;
  const save = (): void => {
    if (saved) return;
    saved = true;
    // worker threads of a run (`--jobs N`) leave saving to the main thread; node:worker_threads is loaded only here,
    // on a run that saves, not on every start
    if (!workerThreads().isMainThread) return;
    saveCodeCache(script, file, prefix, stamp);
  };
  process.once('exit', save);
  if (afterMs !== undefined) setTimeout(save, afterMs).unref();
}

/** Writes the script's code cache to `file` (whole or not at all) and removes the files of other builds of the bundle. */
function saveCodeCache(script: Script, file: string, prefix: string, stamp: string): void {
  try {
    // V8 stamps the data with the flags in force: put back the ones a run changed (runtime/flagRestore.ts)
    runBeforeCodeCache();
    const data = script.createCachedData();
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    try {
      renameSync(temp, file);
    } catch (err) {
      unlinkSync(temp);
      throw err;
    }
    // another build's files of this bundle (its size and time follow the name); other Node versions and options of
    // this build keep theirs
    for (const name of readdirSync(dir)) {
      const rest = name.startsWith(prefix) && name.endsWith('.v8cache') ? name.slice(prefix.length) : '';
      if (/^\d+-\d+-/.test(rest) && !rest.startsWith(`${stamp}-`)) unlinkSync(join(dir, name));
    }
  } catch {
    // a read-only or full disk: the next run compiles as usual
  }
}
