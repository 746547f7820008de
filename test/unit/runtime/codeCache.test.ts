// The launchers' code cache (server/src/runtime/codeCache.ts) through the built dist/cli.js and dist/server.js: the
// first run saves V8's cached code in the cache folder, the next runs use it, and a corrupt, unwritable or disabled
// cache never changes what a run prints. IAM_POLICY_CODE_CACHE_DEBUG=1 makes the launcher say what it did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheDir } from '../../../server/src/runtime/codeCache';
import { REPO_ROOT } from '../../support/catalog';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const SERVER = join(REPO_ROOT, 'dist', 'server.js');
const EXAMPLES = [join(REPO_ROOT, 'examples', 'good'), join(REPO_ROOT, 'examples', 'bad')];

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-code-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function cli(cache: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string; state: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, IAM_POLICY_CODE_CACHE: cache, IAM_POLICY_CODE_CACHE_DEBUG: '1' }, timeout: 120_000 });
  const state = /^code cache: (\w+)/m.exec(r.stderr)?.[1] ?? '(no debug line)';
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^code cache: .*\n/m, ''), state };
}

const cacheFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.v8cache')).sort() : []);

test('codeCacheDir: the setting, else the platform cache folder; "off" and a missing home turn it off', () => {
  const home = (): string => '/home/u';
  assert.equal(codeCacheDir({ IAM_POLICY_CODE_CACHE: 'off' }, 'linux', home), undefined);
  assert.equal(codeCacheDir({ IAM_POLICY_CODE_CACHE: '0' }, 'linux', home), undefined);
  assert.equal(codeCacheDir({ IAM_POLICY_CODE_CACHE: '/var/cache/x' }, 'linux', home), '/var/cache/x');
  assert.equal(codeCacheDir({}, 'linux', home), join('/home/u', '.cache', 'iam-policy-assistant'));
  assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', home), join('/xdg', 'iam-policy-assistant'));
  assert.equal(codeCacheDir({ IAM_POLICY_CODE_CACHE: '' }, 'linux', home), join('/home/u', '.cache', 'iam-policy-assistant'));
  assert.equal(codeCacheDir({}, 'darwin', home), join('/home/u', 'Library', 'Caches', 'iam-policy-assistant'));
  assert.equal(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', home), join('C:\\Users\\u\\AppData\\Local', 'iam-policy-assistant', 'Cache'));
  assert.equal(
    codeCacheDir({}, 'linux', () => {
      throw new Error('no home');
    }),
    undefined,
  );
});

test('the CLI saves its code cache on the first run and uses it after a check run; output is the same with or without', (t) => {
  const dir = join(tempDir(t), 'cache');
  const args = ['--format', 'json', ...EXAMPLES];
  const plain = cli('off', args);
  assert.equal(plain.state, 'off');
  assert.equal(cacheFiles(dir).length, 0);
  // the first run is a check: it turns the young generation's growth down (runtime/youngGeneration.ts), and the
  // cache it saves must still carry the start-up flags, or every later run would find it rejected
  const first = cli(dir, args);
  assert.equal(first.state, 'none');
  const saved = cacheFiles(dir);
  assert.equal(saved.length, 1, saved.join(', '));
  assert.match(saved[0]!, /^cli-main-\d+-\d+-v[\d.]+-\w+-[0-9a-f]{8}\.v8cache$/);
  const second = cli(dir, args);
  assert.equal(second.state, 'used', second.stderr);
  assert.deepEqual(cacheFiles(dir), saved, 'a used cache is left as it is');
  for (const run of [first, second]) {
    assert.equal(run.status, plain.status);
    assert.equal(run.stdout, plain.stdout);
    assert.equal(run.stderr, plain.stderr);
  }
  assert.equal(cli(dir, ['--version']).state, 'used');
});

test('a corrupt cache file is rejected by V8, the run is unchanged, and the file is replaced', (t) => {
  const dir = join(tempDir(t), 'cache');
  const args = ['--format', 'json', join(REPO_ROOT, 'examples', 'bad')];
  const plain = cli('off', args);
  assert.equal(cli(dir, ['--version']).state, 'none');
  const [name] = cacheFiles(dir);
  const file = join(dir, name!);
  const garbage = Buffer.alloc(readFileSync(file).length, 0x5a);
  writeFileSync(file, garbage);
  const broken = cli(dir, args);
  assert.equal(broken.state, 'rejected');
  assert.equal(broken.status, plain.status);
  assert.equal(broken.stdout, plain.stdout);
  assert.equal(broken.stderr, plain.stderr);
  assert.notDeepEqual(readFileSync(file), garbage, 'replaced by good data');
  assert.equal(cli(dir, args).state, 'used');
});

test("another build's cache files of the bundle are removed when one is saved; other Node versions, options and bundles keep theirs", (t) => {
  const dir = tempDir(t);
  const main = statSync(join(REPO_ROOT, 'dist', 'cli-main.js'));
  const sameBuildOtherNode = `cli-main-${main.size}-${Math.trunc(main.mtimeMs)}-v0.0.1-x64-00000000.v8cache`;
  writeFileSync(join(dir, sameBuildOtherNode), 'this build, another node');
  writeFileSync(join(dir, 'cli-main-1-2-v0.0.1-x64.v8cache'), 'old build');
  writeFileSync(join(dir, 'server-main-1-2-v0.0.1-x64.v8cache'), 'the server');
  writeFileSync(join(dir, 'notes.txt'), 'not ours');
  assert.equal(cli(dir, ['--version']).state, 'none');
  const names = readdirSync(dir).sort();
  assert.equal(names.filter((n) => n.startsWith('cli-main-')).length, 2, names.join(', '));
  assert.ok(!names.includes('cli-main-1-2-v0.0.1-x64.v8cache'));
  assert.ok(names.includes(sameBuildOtherNode));
  assert.ok(names.includes('server-main-1-2-v0.0.1-x64.v8cache'));
  assert.ok(names.includes('notes.txt'));
});

test('an unwritable cache folder or "off" never fails a run and writes nothing', (t) => {
  const root = tempDir(t);
  const blocker = join(root, 'a-file');
  writeFileSync(blocker, 'not a folder');
  const args = ['--format', 'json', join(REPO_ROOT, 'examples', 'good')];
  const plain = cli('off', args);
  const blocked = cli(join(blocker, 'cache'), args);
  assert.equal(blocked.state, 'none');
  assert.equal(blocked.status, plain.status);
  assert.equal(blocked.stdout, plain.stdout);
  assert.equal(blocked.stderr, plain.stderr);
  assert.equal(readFileSync(blocker, 'utf8'), 'not a folder');
  assert.deepEqual(readdirSync(root), ['a-file']);
});

/** Starts dist/server.js, answers initialize, shuts it down cleanly; returns its debug line's state. */
function serverSession(cache: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, IAM_POLICY_CODE_CACHE: cache, IAM_POLICY_CODE_CACHE_DEBUG: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const send = (message: object): void => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => (child.kill(), reject(new Error(`the server did not answer: ${stderr}`))), 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('"id":1,') || stdout.includes('"id":1}')) {
        stdout = '';
        send({ id: 2, method: 'shutdown' });
      } else if (stdout.includes('"id":2')) send({ method: 'exit' });
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(/^code cache: (\w+)/m.exec(stderr)?.[1] ?? `(no debug line) ${stderr}`);
    });
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

test('the language server saves its code cache at exit and uses it on the next start', async (t) => {
  const dir = tempDir(t);
  assert.equal(await serverSession(dir), 'none');
  const saved = cacheFiles(dir);
  assert.equal(saved.length, 1);
  assert.match(saved[0]!, /^server-main-/);
  assert.equal(await serverSession(dir), 'used');
});

test('node options are part of the cache file name: V8 refuses data made under other flags', (t) => {
  const dir = tempDir(t);
  const withOption = (): { state: string } => {
    const r = spawnSync(process.execPath, ['--max-semi-space-size=4', CLI, '--version'], { encoding: 'utf8', env: { ...process.env, IAM_POLICY_CODE_CACHE: dir, IAM_POLICY_CODE_CACHE_DEBUG: '1' } });
    return { state: /^code cache: (\w+)/m.exec(r.stderr)?.[1] ?? r.stderr };
  };
  assert.equal(cli(dir, ['--version']).state, 'none');
  assert.equal(withOption().state, 'none', 'a file of its own, not the plain run\'s (which V8 would reject)');
  assert.equal(cacheFiles(dir).length, 2);
  assert.equal(cli(dir, ['--version']).state, 'used');
  assert.equal(withOption().state, 'used');
  // a preloaded module sets no V8 flag: the plain run's file serves it (tests preload hooks from temporary folders)
  const hook = join(dir, 'hook.cjs');
  writeFileSync(hook, '');
  const preloaded = spawnSync(process.execPath, ['--require', hook, CLI, '--version'], { encoding: 'utf8', env: { ...process.env, IAM_POLICY_CODE_CACHE: dir, IAM_POLICY_CODE_CACHE_DEBUG: '1' } });
  assert.match(preloaded.stderr, /^code cache: used/m);
  assert.equal(cacheFiles(dir).length, 2);
});
