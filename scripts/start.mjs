// `npm start`: builds, then opens examples/ in a real VS Code with the extension loaded and a policy with
// problems in the editor: desktop VS Code (`code --extensionDevelopmentPath`) when `code` is on PATH, otherwise
// a local code-server bound to 127.0.0.1 (installed into .cache/code-server on first use), printing its URL.
// Installs the Debian packages code-server needs when it can (root + apt-get), else prints the exact command.
// Flags: --port=N (code-server port, default 8080 or $PORT), --no-build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_PACKAGES, ensurePackages, installCommand } from './systemPackages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
/** The first file shown: squiggles (a typo'd action and Effect), a CodeLens per statement, hover targets. */
const firstFile = join(examples, 'bad', 'typos-identity.json');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return r;
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** No editor can start here: show what the extension finds in examples/ through the same engine's CLI. */
function cliInstead(why) {
  console.log(`\nVS Code (code-server) could not be started here (${why}); the same checks through the CLI instead:\n`);
  const check = spawnSync(process.execPath, [join(root, 'examples', 'check.mjs')], { cwd: root, stdio: 'inherit' });
  process.exit(check.status ?? 1);
}

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build']);

if (onPath('code') && !process.env.IAM_START_CODE_SERVER) {
  console.log(`Opening ${examples} in VS Code with the extension from ${root}`);
  run('code', [`--extensionDevelopmentPath=${root}`, examples, firstFile]);
  process.exit(0);
}

const missing = ensurePackages(CODE_SERVER_PACKAGES, 'code-server, the VS Code that npm start runs, builds native modules against Kerberos and needs ripgrep');
if (missing.length > 0) cliInstead(`missing ${missing.join(', ')}: ${installCommand(missing)}, then npm start again`);

const bin = spawnSync('bash', [join(root, 'scripts', 'installCodeServer.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (bin.status !== 0) cliInstead('installing code-server failed, see the message above');
const codeServer = bin.stdout.trim().split('\n').pop();

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Everything code-server writes lives in a short temporary folder, removed on exit: its user-data folder,
// HOME and TMPDIR hold Unix sockets, whose paths are limited to 108 characters (a clone's path may be long).
const scratch = mkdtempSync(join(tmpdir().length <= 32 ? tmpdir() : '/tmp', 'iam-start-'));
const userData = join(scratch, 'user-data');
const extensions = join(scratch, 'extensions');
for (const d of [join(userData, 'User'), extensions, join(scratch, 'home'), join(scratch, 'tmp')]) mkdirSync(d, { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'chat.disableAIFeatures': true,
      // offline: no extension gallery, update, recommendation or schema lookups
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'workbench.enableExperiments': false,
      'json.schemaDownload.enable': false,
      'npm.fetchOnlinePackageInfo': false,
      'git.openRepositoryInParentFolders': 'never',
    },
    null,
    2,
  ),
);
// the extension is the repo folder itself, linked as publisher.name-version (dist/ was just built)
symlinkSync(root, join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');

const port = Number(arg('port') ?? process.env.PORT ?? 8080);
const child = spawn(
  codeServer,
  ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions, examples],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    // an empty gallery: code-server would otherwise query its extension marketplace, which fails offline
    env: { ...process.env, HOME: join(scratch, 'home'), TMPDIR: join(scratch, 'tmp'), EXTENSIONS_GALLERY: '{}' },
  },
);
const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already stopped
  }
  rmSync(scratch, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  stop();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(0);
});
child.on('exit', (code) => {
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code ?? 0);
});

let up = false;
for (let i = 0; i < 300 && !up; i++) {
  try {
    up = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    // not up yet
  }
  if (!up) await new Promise((r) => setTimeout(r, 200));
}
// the web workbench opens the file named in its `payload` (a vscode-remote URI on this server)
const openFile = `vscode-remote://127.0.0.1:${port}${firstFile}`;
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify([['openFile', openFile]]))}`;
console.log(`\nIAM Policy Assistant is running in VS Code (code-server): ${url}\nOpen it in a browser (forward the port when remote). It opens ${firstFile.slice(root.length + 1)}. Ctrl+C stops it.\n`);
