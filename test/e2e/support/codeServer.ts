// Starts a real VS Code for the end-to-end tests: code-server (installed on first use by
// scripts/installCodeServer.sh), bound to 127.0.0.1 on a free port, in its own process group, with a clean
// user-data dir and settings and our extension linked into its extensions dir; gives each suite a scratch copy
// of the workspace (on the e2e layer's one shared code-server, or on its own when run alone). Stops it by
// process group. Does not drive the browser (workbench.ts does).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedSession } from './shared';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'e2e');

/** Quiet, deterministic workbench: no start page, trust prompt, telemetry, tips, AI side bar or minimap. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'json.schemaDownload.enable': false,
  'editor.minimap.enabled': false,
  'editor.codeLens': true,
  'editor.hover.delay': 100,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'on',
  'editor.formatOnSave': false,
  'files.autoSave': 'off',
  'files.insertFinalNewline': false,
  'files.trimTrailingWhitespace': false,
  'git.enabled': false,
};

/** One suite's code-server window. */
export interface CodeServer {
  /** The window on `workspace` (open it with Workbench.open). */
  readonly url: string;
  /** This suite's own scratch copy of test/e2e/workspace. */
  readonly workspace: string;
  /** The code-server's scratch folder (its HOME is `scratch/home`); shared by every suite under the runner. */
  readonly scratch: string;
  /** Removes the suite's workspace; ends the code-server if the suite started it. */
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A temporary directory with a short path. Chromium and VS Code put Unix sockets under the profile and TMPDIR,
 * and a socket path is limited to 108 characters, so the scratch folder must not live under a clone whose
 * path may be long (every real-editor test failed from such a clone).
 */
export function shortTempDir(): string {
  const t = tmpdir();
  return t.length <= 32 ? t : '/tmp';
}

/** Installs code-server when missing (about 40 s once) and returns its launcher. */
export function installCodeServer(): string {
  const r = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'installCodeServer.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/installCodeServer.sh failed (exit ${r.status})`);
  return r.stdout.trim().split('\n').pop()!;
}

async function waitHealthy(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; log:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet: poll again (each fetch is a real readiness probe, not a sleep)
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms; log:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
}

/** A running code-server (no folder of its own: a window opens one with `?folder=`). */
export interface CodeServerProcess {
  readonly url: string;
  /** Its scratch folder: user data, extensions, HOME (`scratch/home`) and TMPDIR. */
  readonly scratch: string;
  stop(): void;
}

/**
 * Starts code-server in a new scratch folder with the extension (the repo folder) linked in, and waits until it
 * answers. Every browser window of it gets its own extension host and language server.
 */
export async function launchCodeServer(): Promise<CodeServerProcess> {
  const bin = installCodeServer();
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const scratch = mkdtempSync(join(shortTempDir(), 'iam-e2e-'));
  const userData = join(scratch, 'user-data');
  const extensions = join(scratch, 'extensions');
  for (const d of [join(userData, 'User'), extensions, join(scratch, 'home'), join(scratch, 'tmp'), RESULTS_DIR]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // an unpacked extension is a folder named publisher.name-version: link the repo (package.json + dist/)
  symlinkSync(REPO_ROOT, join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(RESULTS_DIR, 'code-server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    bin,
    [
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData,
      '--extensions-dir', extensions,
    ],
    // its own process group (detached = setsid), so stop() ends it and every child it spawned
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, HOME: join(scratch, 'home'), TMPDIR: join(scratch, 'tmp'), XDG_CONFIG_HOME: join(scratch, 'home', '.config'), XDG_DATA_HOME: join(scratch, 'home', '.local', 'share'), EXTENSIONS_GALLERY: '{}' } },
  );
  const stop = (): void => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  onExit(stop);
  try {
    await waitHealthy(url, child, logFile, 60_000);
  } catch (err) {
    stop();
    throw err;
  }
  return { url, scratch, stop };
}

/** Runs `cleanup` when this process ends, also by Ctrl+C or a CI timeout (signals skip 'exit' handlers). */
function onExit(cleanup: () => void): void {
  process.once('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
}

/**
 * A fresh scratch copy of test/e2e/workspace for one suite, under `parent`, removed by the returned function.
 * Each suite edits its copy (and removes or adds files) without touching another suite's.
 */
function suiteWorkspace(parent: string): { workspace: string; remove(): void } {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 's-'));
  const workspace = join(dir, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  return { workspace, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The address of a window of `url` on `folder`. */
const windowUrl = (url: string, folder: string): string => `${url}/?folder=${encodeURIComponent(folder)}`;

/**
 * A code-server for one suite, with `workspace` a scratch copy of test/e2e/workspace that only this suite sees,
 * and `url` the window on it. Under the e2e layer's runner (test/e2e/support/runSuites.ts) that is the one shared
 * code-server of the layer (a new window: its own extension host and language server; `stop()` removes the
 * suite's workspace); run alone, the suite starts a code-server of its own and `stop()` ends it.
 */
export async function startCodeServer(): Promise<CodeServer> {
  const shared = sharedSession();
  if (shared) {
    const { workspace, remove } = suiteWorkspace(join(shared.scratch, 'suites'));
    onExit(remove);
    return { url: windowUrl(shared.url, workspace), workspace, scratch: shared.scratch, stop: remove };
  }
  const server = await launchCodeServer();
  const { workspace } = suiteWorkspace(server.scratch); // removed with the scratch folder
  return { url: windowUrl(server.url, workspace), workspace, scratch: server.scratch, stop: server.stop };
}
