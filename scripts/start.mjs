// `npm start`: builds, then opens examples/ in a real VS Code with the extension loaded: desktop VS Code
// (`code --extensionDevelopmentPath`) when `code` is on PATH, otherwise a local code-server bound to 127.0.0.1
// (installed into .cache/code-server on first use by scripts/installCodeServer.sh), printing its URL.
// Flags: --port=N (code-server port, default 8080 or $PORT), --no-build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return r;
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build']);

if (onPath('code') && !process.env.IAM_START_CODE_SERVER) {
  console.log(`Opening ${examples} in VS Code with the extension from ${root}`);
  run('code', [`--extensionDevelopmentPath=${root}`, examples]);
  process.exit(0);
}

const bin = spawnSync('bash', [join(root, 'scripts', 'installCodeServer.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (bin.status !== 0) {
  // no editor could be started (the message above says which system package is missing): still show what the
  // extension finds in examples/, through the same engine's CLI, and how to get the editor next time
  console.log('\nVS Code (code-server) could not be started here; the same checks through the CLI instead:\n');
  const check = spawnSync(process.execPath, [join(root, 'examples', 'check.mjs')], { cwd: root, stdio: 'inherit' });
  console.log('\nFor the editor: install the missing package named above (Debian/Ubuntu: sudo apt-get install -y ripgrep libkrb5-dev), then run npm start again.');
  process.exit(check.status ?? 1);
}
const codeServer = bin.stdout.trim().split('\n').pop();

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const state = join(root, '.cache', 'start');
const userData = join(state, 'user-data');
const extensions = join(state, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
const settingsFile = join(userData, 'User', 'settings.json');
if (!existsSync(settingsFile)) {
  writeFileSync(settingsFile, JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'chat.disableAIFeatures': true }, null, 2));
}
// the extension is the repo folder itself, linked as publisher.name-version (dist/ was just built)
const link = join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
rmSync(link, { force: true, recursive: false });
symlinkSync(root, link, 'dir');

mkdirSync(join(state, 'home'), { recursive: true });
mkdirSync(join(state, 'tmp'), { recursive: true });
const port = Number(arg('port') ?? process.env.PORT ?? 8080);
const child = spawn(
  codeServer,
  ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions, examples],
  { stdio: ['ignore', 'inherit', 'inherit'], detached: true, env: { ...process.env, HOME: join(state, 'home'), TMPDIR: join(state, 'tmp') } },
);
const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already stopped
  }
};
process.on('SIGINT', () => {
  stop();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(0);
});
child.on('exit', (code) => process.exit(code ?? 0));

const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}`;
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`\nIAM Policy Assistant is running in VS Code (code-server): ${url}\nOpen it in a browser (forward the port when remote). Ctrl+C stops it.\n`);
